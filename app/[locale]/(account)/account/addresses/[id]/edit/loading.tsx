import { AddressesSkeleton } from "@/components/mall/form-skeleton";

export default function Loading() {
  return <AddressesSkeleton form />;
}
