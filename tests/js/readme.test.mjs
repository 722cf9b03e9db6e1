// Every JavaScript example in README.md, run verbatim against the built
// package installed as `cuifu` in a scratch folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

const scratch = mkdtempSync(join(tmpdir(), 'cuifu-readme-'));
mkdirSync(join(scratch, 'node_modules'));
symlinkSync(join(ROOT, 'pkg'), join(scratch, 'node_modules', 'cuifu'), 'dir');
writeFileSync(join(scratch, 'package.json'), '{"type":"module"}');

test('README has JavaScript examples', () => {
  assert.ok(blocks.length >= 2);
});

blocks.forEach((code, i) => {
  test(`README example ${i + 1} runs`, () => {
    const file = join(scratch, `example${i + 1}.mjs`);
    writeFileSync(file, code);
    const out = execFileSync(process.execPath, [file], { cwd: scratch, encoding: 'utf8' });
    assert.ok(out.trim().length > 0, 'prints something');
    // Where an example says what it prints (`// "a" "b"` after console.log), it prints that.
    for (const m of code.matchAll(/console\.log\([^\n]*\); \/\/ ((?:"[^"]*" ?)+)/g)) {
      const words = [...m[1].matchAll(/"([^"]*)"/g)].map((w) => w[1]);
      assert.ok(out.includes(words.join(' ')), `expected "${words.join(' ')}" in:\n${out}`);
    }
  });
});
