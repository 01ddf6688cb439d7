export { ListingSkeleton as default } from "@/components/mall/listing-skeleton";
