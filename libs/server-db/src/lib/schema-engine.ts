import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { createAdapterFactory } from './adapter-factory';
import type * as WasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = WasmBindings.SchemaEngine;

const nodeRequire = createRequire(__filename);
let bindings: Promise<typeof WasmBindings> | undefined;

/**
 * Prisma's schema engine, compiled to WebAssembly, so migrations run where the native engine
 * cannot be downloaded. The package's own entry imports the .wasm file as an ES module, which Node
 * cannot do, so the module is instantiated here from its JS glue.
 */
function loadBindings(): Promise<typeof WasmBindings> {
  bindings ??= (async () => {
    const gluePath = nodeRequire.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = nodeRequire(gluePath) as typeof WasmBindings & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasmBytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      './schema_engine_bg.js': glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports['__wbindgen_start'] as () => void)();
    return glue;
  })();
  return bindings;
}

export async function createSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels?: [path: string, content: string][],
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const log = (message: string) => {
    if (process.env['PRISMA_SCHEMA_ENGINE_DEBUG']) console.debug('[schema-engine]', message);
  };
  return SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/**
 * Runs work on a schema engine, then closes every connection it opened: the engine keeps its
 * SQLite connection (and the lock it took) alive until the adapter is disposed.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const factory = createAdapterFactory(databaseUrl);
  const opened: SqlDriverAdapter[] = [];
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    opened.push(await adapter);
    return opened[opened.length - 1];
  };
  const engine = await createSchemaEngine({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
