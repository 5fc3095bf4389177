export * from "./seasons";
export * from "./participants";
export * from "./tasks";
export * from "./scores";
export * from "./roles";
export * from "./auth";
export * from "./sync";
export * from "./map";
