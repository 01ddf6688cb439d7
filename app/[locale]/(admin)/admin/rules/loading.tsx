export { RulesListSkeleton as default } from "@/components/rules/skeletons";
