import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitCommit } from './git.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-git-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: dir,
    },
  }).trim();
}

function repo(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  git(d, 'init', '-q', '-b', 'main');
  return d;
}

function commit(d: string, msg: string): string {
  writeFileSync(join(d, `${msg}.txt`), msg);
  git(d, 'add', '.');
  git(d, 'commit', '-q', '-m', msg);
  return git(d, 'rev-parse', 'HEAD');
}

/** Runs fn with no git binary on PATH, so that only reading the repository's files can answer. */
function withoutGitBinary<T>(fn: () => T): T {
  const path = process.env.PATH;
  process.env.PATH = '';
  try {
    return fn();
  } finally {
    process.env.PATH = path;
  }
}

describe('gitCommit', () => {
  it('is null outside a repository and in one without commits', () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    expect(gitCommit(plain)).toBeNull();
    expect(gitCommit(repo('empty'))).toBeNull();
  });

  it('reads the branch HEAD from a subdirectory, through loose and packed refs', () => {
    const d = repo('branch');
    const first = commit(d, 'one');
    mkdirSync(join(d, 'src', 'deep'), { recursive: true });
    expect(gitCommit(join(d, 'src', 'deep'))).toBe(first);
    git(d, 'pack-refs', '--all');
    expect(withoutGitBinary(() => gitCommit(d))).toBe(first);
    const second = commit(d, 'two');
    expect(second).not.toBe(first);
    expect(gitCommit(d)).toBe(second);
  });

  it('reads a detached HEAD and a linked worktree', () => {
    const d = repo('detached');
    const first = commit(d, 'one');
    const second = commit(d, 'two');
    git(d, 'checkout', '-q', '--detach', first);
    expect(withoutGitBinary(() => gitCommit(d))).toBe(first);
    git(d, 'checkout', '-q', 'main');
    const wt = join(dir, 'worktree');
    git(d, 'worktree', 'add', '-q', '-b', 'side', wt, first);
    expect(withoutGitBinary(() => gitCommit(wt))).toBe(first);
    expect(withoutGitBinary(() => gitCommit(d))).toBe(second);
    const third = commit(wt, 'three');
    expect(gitCommit(wt)).toBe(third);
  });
});
