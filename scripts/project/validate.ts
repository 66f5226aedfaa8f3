import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ALLOWED_TOP_LEVEL_FIELDS, Components } from '@hubspot/project-parsing-lib/constants';
import {
  LATEST_SUPPORTED_PLATFORM_VERSION,
  getProjectMetadata,
  isKnownPlatformVersion,
  meetsMinimumPlatformVersion,
  parseProjectConfig,
} from '@hubspot/project-parsing-lib/projects';
import { getAllHsProfiles } from '@hubspot/project-parsing-lib/profiles';
import { translate, type IntermediateRepresentationNode } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { componentConfigProblems, localProxyProblems } from './component-checks';

/** One thing HubSpot (or this project) would refuse, named by the file it is in. */
export interface ProjectProblem {
  file: string;
  message: string;
}

export interface ValidationOptions {
  /** Also require what `npm run build` produces (card entrypoints, cards/package.json). */
  requireBuild: boolean;
}

const OLDEST_SUPPORTED_PLATFORM = '2025.2';

/**
 * Checks a HubSpot project offline: what @hubspot/project-parsing-lib can tell without an account
 * (hsproject.json, misplaced or duplicate components, children without an app), then the checks
 * HubSpot only does server-side and this project relies on (JSON, top-level keys, uids, card
 * locations, required fields, entrypoints, URLs, webhook subscriptions), once per config profile.
 */
export async function validateProject(
  projectDir: string,
  options: ValidationOptions,
): Promise<ProjectProblem[]> {
  let config;
  try {
    config = parseProjectConfig(projectDir);
  } catch (error) {
    return [{ file: 'hsproject.json', message: messageOf(error) }];
  }
  const problems: ProjectProblem[] = [];
  const { platformVersion } = config;
  if (
    !isKnownPlatformVersion(platformVersion) ||
    !meetsMinimumPlatformVersion(platformVersion, OLDEST_SUPPORTED_PLATFORM)
  ) {
    problems.push({
      file: 'hsproject.json',
      message: `platformVersion "${platformVersion}" is not supported: use ${LATEST_SUPPORTED_PLATFORM_VERSION}`,
    });
  }
  const srcDir = join(projectDir, config.srcDir);
  const inProject = (file: string) => relative(projectDir, join(srcDir, file));

  problems.push(...(await metaFileProblems(srcDir, inProject)));
  if (problems.length > 0) return problems;

  // The profiles present (none in a fresh clone: they hold account ids and are written at deploy).
  const profiles: (string | undefined)[] = [undefined, ...(await getAllHsProfiles(srcDir))];
  for (const profile of profiles) {
    let nodes: IntermediateRepresentationNode[];
    try {
      const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
        { projectSourceDir: srcDir, platformVersion },
        { skipValidation: true, ...(profile ? { profile } : {}) },
      );
      nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
      for (const skipped of skippedHsMetaFiles) {
        problems.push({
          file: inProject(skipped),
          message: `HubSpot skips this file: *-hsmeta.json files must sit directly in app/ or in a feature folder such as app/cards/`,
        });
      }
    } catch (error) {
      problems.push({
        file: profile ? inProject(`hsprofile.${profile}.json`) : config.srcDir,
        message: messageOf(error),
      });
      continue;
    }
    const context = { srcDir, profile, requireBuild: options.requireBuild };
    for (const node of nodes) {
      const file = inProject(node.metaFilePath);
      const where = profile ? ` (profile "${profile}")` : '';
      for (const message of componentConfigProblems(node, context))
        problems.push({ file, message: message + where });
    }
  }
  problems.push(
    ...localProxyProblems(srcDir).map((message) => ({ file: inProject('app/local.json'), message })),
  );
  return dedupe(problems);
}

/** Problems in the hsmeta files themselves: what HubSpot would reject before reading any config. */
async function metaFileProblems(
  srcDir: string,
  inProject: (file: string) => string,
): Promise<ProjectProblem[]> {
  const problems: ProjectProblem[] = [];
  const metadata = await getProjectMetadata(srcDir);
  const uids = new Map<string, string>();
  for (const path of metadata.hsMetaFiles) {
    const file = inProject(relative(srcDir, path));
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ file, message: `invalid JSON: ${messageOf(error)}` });
      continue;
    }
    if (!isRecord(content)) {
      problems.push({ file, message: 'must be a JSON object with uid, type and config' });
      continue;
    }
    const unexpected = Object.keys(content).filter((key) => !ALLOWED_TOP_LEVEL_FIELDS.has(key as never));
    if (unexpected.length > 0) {
      problems.push({
        file,
        message: `unexpected top-level keys ${unexpected.join(', ')} (allowed: ${[...ALLOWED_TOP_LEVEL_FIELDS].join(', ')})`,
      });
    }
    const { uid, type, config } = content;
    const uidProblem = typeof uid === 'string' ? validateUid(uid) : `'uid' must be a string`;
    if (uidProblem) problems.push({ file, message: uidProblem });
    if (typeof uid === 'string') {
      const earlier = uids.get(uid);
      if (earlier) problems.push({ file, message: `uid "${uid}" is already used by ${earlier}` });
      else uids.set(uid, file);
    }
    if (!isRecord(config)) problems.push({ file, message: `'config' must be an object` });
    const component = typeof type === 'string' ? Components[type] : undefined;
    if (!component) {
      problems.push({ file, message: `unknown type ${JSON.stringify(type)}` });
      continue;
    }
    const parent = component.parentComponent ? Components[component.parentComponent] : undefined;
    const expectedDir = parent ? join(parent.dir, component.dir) : component.dir;
    if (relative(srcDir, dirname(path)) !== expectedDir) {
      problems.push({ file, message: `a ${type} component belongs in ${inProject(expectedDir)}/` });
    }
  }
  for (const [type, { count, maxCount, hsMetaFiles }] of Object.entries(metadata.components)) {
    if (count > maxCount) {
      problems.push({
        file: hsMetaFiles.map((path) => inProject(relative(srcDir, path))).join(', '),
        message: `only one ${type} component is allowed, found ${count}`,
      });
    }
  }
  return problems;
}

function dedupe(problems: ProjectProblem[]): ProjectProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatProblems(problems: ProjectProblem[]): string {
  return problems.map(({ file, message }) => `${file}: ${message}`).join('\n');
}
