export { RuleEditorSkeleton as default } from "@/components/rules/skeletons";
