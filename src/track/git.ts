/**
 * The commit a directory's code is at, for run lineage. Read from the repository's files (HEAD,
 * loose refs, packed-refs; worktrees and submodules included), which needs no git binary and
 * costs no process; layouts it does not know (reftable) fall back to `git rev-parse HEAD` with a
 * timeout. Node-only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/; // SHA-1, or SHA-256 repositories
const GIT_TIMEOUT_MS = 3000;

/** The full commit hash HEAD points at, or null when `dir` is not in a repository (or has no commit). */
export function gitCommit(dir: string = process.cwd()): string | null {
  const gitDir = findGitDir(resolve(dir));
  if (!gitDir) return null;
  const fromFiles = readHead(gitDir);
  if (fromFiles !== undefined) return fromFiles;
  return runGit(dir);
}

/** The `.git` directory of the repository holding `dir`, following `gitdir:` files; null if none. */
function findGitDir(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    const dotGit = join(d, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
      return m ? resolve(d, m[1]) : null;
    }
    if (dirname(d) === d) return null;
  }
}

/** The commit from files; null for a branch with no commit yet; undefined when the layout is unknown. */
function readHead(gitDir: string): string | null | undefined {
  const head = readText(join(gitDir, 'HEAD'))?.trim();
  if (head === undefined) return undefined;
  if (SHA.test(head)) return head; // detached HEAD
  const ref = /^ref:\s*(refs\/\S+)$/.exec(head)?.[1];
  if (!ref || existsSync(join(gitDir, 'reftable'))) return undefined;
  // a worktree keeps HEAD in its own dir and shares refs with the main repository
  const common = readText(join(gitDir, 'commondir'))?.trim();
  const commonDir = common ? resolve(gitDir, common) : gitDir;
  for (const d of new Set([gitDir, commonDir])) {
    const loose = readText(join(d, ref))?.trim();
    if (loose !== undefined) return SHA.test(loose) ? loose : undefined;
  }
  const packed = readText(join(commonDir, 'packed-refs'));
  if (packed !== undefined)
    for (const line of packed.split('\n')) {
      const [sha, name] = line.trim().split(' ');
      if (name === ref && SHA.test(sha)) return sha;
    }
  return null; // unborn branch: a repository without commits
}

function runGit(dir: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: dir,
      timeout: GIT_TIMEOUT_MS,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return SHA.test(out) ? out : null;
  } catch {
    return null;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
