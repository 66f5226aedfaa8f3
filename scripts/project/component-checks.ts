import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { mapToUserFacingType } from '@hubspot/project-parsing-lib/transform';
import type { IntermediateRepresentationNode } from '@hubspot/project-parsing-lib/translate';
import { z } from 'zod';
import { BACKEND_URL_REFERENCE } from '#src/project/backend';
import { PROFILE_VARIABLES, publicHttpsUrlProblem } from '#src/project/profile';

export interface CheckContext {
  srcDir: string;
  /** The config profile applied, or undefined for the files as committed (variables not substituted). */
  profile: string | undefined;
  requireBuild: boolean;
}

/** Where HubSpot renders cards; the sidebar only takes action buttons, so this project uses the tab. */
export const CARD_LOCATIONS = [
  'crm.record.tab',
  'crm.record.sidebar',
  'crm.preview',
  'helpdesk.sidebar',
] as const;
const ENTRYPOINT_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx'];
const SUBSCRIPTION_TYPES = [
  'object.creation',
  'object.deletion',
  'object.propertyChange',
  'object.merge',
  'object.restore',
  'object.associationChange',
] as const;

const nonEmpty = z.string().trim().min(1, 'is required');
const urlList = z.array(z.string());

const appConfig = z.object({
  name: nonEmpty,
  description: nonEmpty,
  distribution: z.enum(['private', 'marketplace']),
  auth: z.object({
    type: z.enum(['static', 'oauth']),
    requiredScopes: z.array(nonEmpty).min(1, 'must list at least one scope'),
    optionalScopes: z.array(nonEmpty).optional(),
    conditionallyRequiredScopes: z.array(nonEmpty).optional(),
  }),
  permittedUrls: z.object({ fetch: urlList, iframe: urlList.optional(), img: urlList.optional() }),
  support: z.record(z.string(), z.string()),
});

const cardConfig = z.object({
  name: nonEmpty,
  description: nonEmpty,
  location: z.enum(CARD_LOCATIONS),
  entrypoint: z.string().startsWith('/app/cards/', 'must be a path under /app/cards/'),
  objectTypes: z.array(nonEmpty).min(1, 'must name at least one object type'),
});

const subscription = z
  .object({
    subscriptionType: z.enum(SUBSCRIPTION_TYPES),
    objectType: nonEmpty,
    propertyName: nonEmpty.optional(),
    active: z.boolean(),
  })
  .refine((s) => (s.subscriptionType === 'object.propertyChange') === (s.propertyName !== undefined), {
    message: 'propertyName is required for object.propertyChange and only allowed there',
  });

const webhooksConfig = z.object({
  settings: z.object({ targetUrl: nonEmpty, maxConcurrentRequests: z.number().int().positive() }),
  subscriptions: z.object({
    crmObjects: z.array(subscription).min(1, 'must subscribe to at least one event'),
    legacyCrmObjects: z.array(z.unknown()).optional(),
    hubEvents: z.array(z.unknown()).optional(),
  }),
});

function zodProblems(result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => `config.${issue.path.join('.')}: ${issue.message}`);
}

/** Problems with a URL HubSpot will call; before a profile is applied, `${BACKEND_BASE_URL}/path` is fine. */
function urlProblem(field: string, value: string, context: CheckContext): string | null {
  const references = [...value.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1] ?? '');
  const unknown = references.filter((name) => !(PROFILE_VARIABLES as readonly string[]).includes(name));
  if (unknown.length > 0)
    return `${field}: unknown profile variable ${unknown.join(', ')} (known: ${PROFILE_VARIABLES.join(', ')})`;
  if (context.profile === undefined && value.startsWith(BACKEND_URL_REFERENCE)) return null;
  const problem = publicHttpsUrlProblem(value);
  return problem ? `${field}: ${problem}` : null;
}

function appProblems(config: z.infer<typeof appConfig>, context: CheckContext): string[] {
  const problems: string[] = [];
  if (config.distribution === 'marketplace' && config.auth.type !== 'oauth') {
    problems.push('config.auth.type: a marketplace app must use oauth');
  }
  for (const [kind, urls] of Object.entries(config.permittedUrls)) {
    for (const url of urls ?? []) {
      const problem = urlProblem(`config.permittedUrls.${kind}`, url, context);
      if (problem) problems.push(problem);
    }
  }
  if (context.profile === undefined && !config.permittedUrls.fetch.includes(BACKEND_URL_REFERENCE)) {
    problems.push(
      `config.permittedUrls.fetch must include ${BACKEND_URL_REFERENCE}: the cards call the backend there`,
    );
  }
  return problems;
}

function cardProblems(config: z.infer<typeof cardConfig>, context: CheckContext): string[] {
  const problems: string[] = [];
  if (!ENTRYPOINT_EXTENSIONS.includes(extname(config.entrypoint))) {
    problems.push(
      `config.entrypoint: HubSpot builds ${ENTRYPOINT_EXTENSIONS.join(', ')} files, not "${config.entrypoint}"`,
    );
  }
  if (!context.requireBuild) return problems;
  if (!existsSync(join(context.srcDir, config.entrypoint))) {
    problems.push(`config.entrypoint: ${config.entrypoint} does not exist (run npm run build)`);
  }
  problems.push(...cardsPackageProblems(join(context.srcDir, 'app', 'cards', 'package.json')));
  return problems;
}

function cardsPackageProblems(path: string): string[] {
  if (!existsSync(path))
    return [
      'app/cards/package.json is missing: HubSpot installs the cards\u2019 dependencies from it (run npm run build)',
    ];
  const manifest = z
    .object({
      type: z.literal('module'),
      dependencies: z.object({ react: nonEmpty, '@hubspot/ui-extensions': nonEmpty }),
    })
    .safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return zodProblems(manifest).map((problem) => `app/cards/package.json ${problem.replace(/^config\./, '')}`);
}

function webhooksProblems(config: z.infer<typeof webhooksConfig>, context: CheckContext): string[] {
  const problems: string[] = [];
  const targetProblem = urlProblem('config.settings.targetUrl', config.settings.targetUrl, context);
  if (targetProblem) problems.push(targetProblem);
  const seen = new Set<string>();
  for (const s of config.subscriptions.crmObjects) {
    const key = `${s.subscriptionType} ${s.objectType} ${s.propertyName ?? ''}`.trim();
    if (seen.has(key)) problems.push(`config.subscriptions.crmObjects: "${key}" is listed twice`);
    seen.add(key);
  }
  return problems;
}

/** What this project requires of each component's config, beyond what HubSpot parses offline. */
export function componentConfigProblems(
  node: IntermediateRepresentationNode,
  context: CheckContext,
): string[] {
  const type = mapToUserFacingType(node.componentType);
  const needsApp = type !== 'app' && type !== 'theme' && type !== 'cms-assets';
  const problems =
    needsApp && !node.componentDeps['app']
      ? [`a ${type} component needs an app component (app/app-hsmeta.json)`]
      : [];
  switch (type) {
    case 'app': {
      const result = appConfig.safeParse(node.config);
      return [...problems, ...(result.success ? appProblems(result.data, context) : zodProblems(result))];
    }
    case 'card': {
      const result = cardConfig.safeParse(node.config);
      return [...problems, ...(result.success ? cardProblems(result.data, context) : zodProblems(result))];
    }
    case 'webhooks': {
      const result = webhooksConfig.safeParse(node.config);
      return [
        ...problems,
        ...(result.success ? webhooksProblems(result.data, context) : zodProblems(result)),
      ];
    }
    default:
      return problems;
  }
}

/** app/local.json maps public origins to local servers; HubSpot's proxy matches whole origins only. */
export function localProxyProblems(srcDir: string): string[] {
  const path = join(srcDir, 'app', 'local.json');
  if (!existsSync(path)) return [];
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [`invalid JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  const parsed = z.object({ proxy: z.record(z.string(), z.string()) }).safeParse(content);
  if (!parsed.success) return zodProblems(parsed).map((problem) => problem.replace(/^config\./, ''));
  const problems: string[] = [];
  for (const [from, to] of Object.entries(parsed.data.proxy)) {
    const problem = publicHttpsUrlProblem(from);
    if (problem) problems.push(`proxy key ${problem}`);
    else if (new URL(from).pathname !== '/' || from.endsWith('/'))
      problems.push(
        `proxy key "${from}" must be an origin without a path: HubSpot's proxy does not route paths`,
      );
    if (!/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(to))
      problems.push(`proxy target "${to}" must be a local origin such as http://localhost:4020`);
  }
  return problems;
}
