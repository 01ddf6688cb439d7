// The rules domain's public surface: schemas, the pure evaluators and their helpers.
export * from "./schema";
export * from "./ruleset";
export * from "./evaluate-order";
export * from "./evaluate-event";
export * from "./explain";
export * from "./tiers";
export * from "./expiry";
export * from "./checkout";
export { DEFAULT_TIME_ZONE, localParts, zonedTimeToUtc, parseRuleInstant } from "./time-zone";
