export { TablePageSkeleton as default } from "@/components/admin-mall/skeletons";
