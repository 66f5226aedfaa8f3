import type { SeedOwner, SeedRecord } from '../records';
import { DEMO_PORTAL_FACTS } from './facts';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { Random } from './random';

const { teams } = DEMO_PORTAL_FACTS;

export type OwnerRole = (typeof DEMO_PORTAL_FACTS.ownerRoles)[number];

/** The vendor's people: who sells (AEs), who keeps (CSMs), who approves and who configures. */
export interface Roster {
  aes: SeedOwner[];
  csms: SeedOwner[];
  managers: SeedOwner[];
  director: SeedOwner;
  vp: SeedOwner;
  revOps: SeedOwner[];
}

/** About one CSM per 100 accounts, as a pooled-plus-named CS team carries them. */
export function buildRoster(random: Random, companies: number): Roster {
  let n = 0;
  const owner = (role: OwnerRole, teamId: string): SeedOwner => {
    n++;
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    return {
      id: String(71_000_000 + n),
      userId: 91_000_000 + n,
      email: `${firstName}.${lastName}${n}@acmesaas.example`.toLowerCase(),
      firstName,
      lastName,
      role,
      teams: [{ id: teamId, primary: true }],
    };
  };
  const many = (count: number, role: OwnerRole, teamId: string): SeedOwner[] =>
    Array.from({ length: count }, () => owner(role, teamId));
  const cs = teams.customerSuccess.id;
  return {
    vp: owner('vp', cs),
    director: owner('director', cs),
    managers: many(3, 'cs_manager', cs),
    csms: many(Math.max(6, Math.ceil(companies / 100)), 'csm', cs),
    aes: many(12, 'ae', teams.sales.id),
    revOps: many(2, 'revops', teams.revOps.id),
  };
}

export function* teamAndOwnerRecords(roster: Roster): Generator<SeedRecord> {
  for (const team of Object.values(teams)) yield { kind: 'team', team: { id: team.id, name: team.name } };
  const { vp, director, managers, csms, aes, revOps } = roster;
  for (const owner of [vp, director, ...managers, ...csms, ...aes, ...revOps]) yield { kind: 'owner', owner };
}
