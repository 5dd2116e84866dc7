/**
 * The part of the WebAssembly JS API the engine uses (dis-kernels.ts). Node provides WebAssembly
 * at run time, but @types/node 20 does not type it and the engine compiles without the DOM library
 * (electron/engine/tsconfig.json). Only that project includes this file; tsconfig.node.json
 * excludes it (its e2e files pull in the DOM library, which declares the full API).
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(deltaPages: number): number;
  }
  class Instance {
    constructor(module: Module, imports: Record<string, never>);
    readonly exports: Exports;
  }
  type Exports = Record<string, Memory | ((...args: never[]) => unknown)>;
}
