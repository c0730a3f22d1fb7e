import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('opens with a library example that runs as written', async () => {
    const readme = await readFile(join(repo, 'README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    expect(
      code!
        .trim()
        .split('\n')
        .filter((l) => l.trim()).length,
    ).toBeLessThanOrEqual(6);
    const out = await mkdtemp(join(tmpdir(), 'cairn-readme-'));
    // Run it from the repository root (where datasets/ is), with 'cairn' meaning this checkout.
    const file = join(repo, 'test', `.readme-example-${process.pid}.ts`);
    const logged: unknown[] = [];
    const source = code!
      .replace("from 'cairn'", "from '../src/index.js'")
      .replace("'datasets/penguins.csv'", JSON.stringify(join(repo, 'datasets/penguins.csv')))
      .replace("'models/penguins'", JSON.stringify(join(out, 'models/penguins')))
      .replace('console.log(', '(globalThis as any).__readmeLog(');
    (globalThis as unknown as { __readmeLog: (v: unknown) => void }).__readmeLog = (v) => logged.push(v);
    await writeFile(file, `${source}\nexport {};\n`);
    try {
      await import(file);
    } finally {
      await rm(file, { force: true });
    }
    expect(logged[0]).toBeGreaterThan(0.9);
    const manifest = JSON.parse(await readFile(join(out, 'models/penguins/manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toContain('cairn-model.json');
  });

  it('names the two set-up commands', async () => {
    const readme = await readFile(join(repo, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npx cairn demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it('keeps the version in step with package.json', async () => {
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    const { CAIRN_VERSION } = await import('../src/version.js');
    expect(CAIRN_VERSION).toBe(pkg.version);
  });
});
