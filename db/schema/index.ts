export * from "./auth";
export * from "./members";
export * from "./rules";
export * from "./points";
export * from "./orders";
export * from "./mall";
export * from "./distribution";
export * from "./admin";
