export { DetailSkeleton as default } from "@/components/mall/detail-skeleton";
