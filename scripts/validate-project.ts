// `npx tsx scripts/validate-project.ts [projectDir]`: the offline HubSpot project check (run after
// `npm run build`, since it requires the card bundles). Exits 1 and lists each problem by file.
import { resolve } from 'node:path';
import { formatProblems, validateProject } from './project/validate';

const projectDir = resolve(process.argv[2] ?? '.');
const problems = await validateProject(projectDir, { requireBuild: true });
if (problems.length > 0) {
  console.error(
    `HubSpot project ${projectDir} has ${problems.length} problem(s):\n${formatProblems(problems)}`,
  );
  process.exitCode = 1;
} else {
  console.log(`HubSpot project ${projectDir}: valid`);
}
