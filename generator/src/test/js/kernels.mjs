// The playground's WebAssembly kernels: compiles templates/assets/playground/kernels.wat with wabt (wat2wasm) and
// compares the result with the committed kernels.wasm and with the bytes kernels.js carries as base64.
//   node kernels.mjs           checks; exits 1, naming the stale file, when either differs (KernelsTest runs this)
//   node kernels.mjs --write   writes kernels.wasm and kernels.js from kernels.wat
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv.find(a => a.startsWith('--dir='))?.slice(6)
  ?? join(here, '../../../../templates/assets/playground');
const wat = join(dir, 'kernels.wat');
const wasm = join(dir, 'kernels.wasm');
const js = join(dir, 'kernels.js');

const wabt = await createRequire(import.meta.url)('wabt')();
const module = wabt.parseWat('kernels.wat', readFileSync(wat, 'utf8'), { simd: true });
module.validate();
const bytes = Buffer.from(module.toBinary({ log: false, write_debug_names: false }).buffer);
module.destroy();

const script = '/* attoscope playground: kernels.wasm (compiled from kernels.wat, which says what it computes) as base64, so a\n'
  + ' * page opened from file:// can load it with a <script>. Written by generator/src/test/js/kernels.mjs --write. */\n'
  + 'window.ATTOSCOPE_KERNELS = "' + bytes.toString('base64') + '";\n';

if (process.argv.includes('--write')) {
  writeFileSync(wasm, bytes);
  writeFileSync(js, script);
  console.log('wrote ' + wasm + ' (' + bytes.length + ' bytes) and ' + js);
} else {
  const stale = [];
  if (!bytes.equals(readFileSync(wasm))) stale.push(wasm);
  if (script !== readFileSync(js, 'utf8')) stale.push(js);
  if (stale.length) {
    console.error('not what wat2wasm makes of ' + wat + ': ' + stale.join(', ')
      + '; run node generator/src/test/js/kernels.mjs --write');
    process.exit(1);
  }
  console.log('kernels.wasm and kernels.js are wat2wasm(kernels.wat), ' + bytes.length + ' bytes');
}
