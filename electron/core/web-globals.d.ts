/**
 * Globals the core may use beyond ES2023: present in every runtime it runs in (Node ≥ 16, browsers,
 * workers), but typed only by the DOM library or @types/node, which the core compiles without.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;
