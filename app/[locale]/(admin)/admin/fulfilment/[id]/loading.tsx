export { DetailPageSkeleton as default } from "@/components/admin-mall/skeletons";
