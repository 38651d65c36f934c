/**
 * 类似案例 beside a determination: the most similar decided matters the viewer may compare with, and
 * the settled practice the divergence alert reads. Only someone who reads the matter in full (the
 * commission, the higher level on a filed or awaiting-approval matter) asks; a neighbour is named
 * only when the viewer may read it in full too, and a place outside the viewer's scope is generalised
 * to its province and kind (示范省某县) — no cadre's name ever leaves the viewer's scope.
 */
import type { Deps } from '../../app/deps.ts';
import type { SimilarItem, SimilarMatters } from '../../contracts/consistency.ts';
import { jurisdictionNames, neighbourDetails, type NeighbourDetail } from '../../db/queries/consistency.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { viewerUnit } from '../../db/queries/case-library.ts';
import { generalisedPlace, similarPoolScope } from '../../domain/consistency/access.ts';
import { decisiveMatch, divergenceByOutcome } from '../../domain/consistency/divergence.ts';
import type { Ranked } from '../../domain/consistency/similarity.ts';
import { OUTCOME_LABELS } from '../../domain/case-library/procedure.ts';
import { matterAccess } from '../../domain/matters/access.ts';
import type { Outcome } from '../../domain/policy/types.ts';
import { tallyVotes } from '../../domain/tolerance/decision.ts';
import { loadMatter } from '../tolerance/load-matter.ts';
import { latestDecisionMeeting } from '../tolerance/steps/committee.ts';
import type { StepContext } from '../tolerance/perform-action.ts';
import { policyVersion } from '../policy-context.ts';
import { practiceFrom, rankedNeighbours, targetOf, type NeighbourCandidate } from './neighbours.ts';

const percent = (points: number) => Math.round(points) / 10;

/** The outcome the latest meeting's votes carry now, under the policy's quorum; null without one. */
async function carriedOutcome(
  deps: Deps,
  user: UserWithGrants,
  loaded: Awaited<ReturnType<typeof loadMatter>>,
): Promise<Outcome | null> {
  if (loaded.matter.status !== 'deliberating' || !loaded.matter.policy_id || !loaded.matter.policy_version)
    return null;
  // Reads only: the step helper takes a context whose `trx` may be the plain connection.
  const meeting = await latestDecisionMeeting({ deps, user, loaded, trx: deps.db } as unknown as StepContext);
  if (!meeting) return null;
  const p = meeting.participants;
  try {
    return tallyVotes(policyVersion(loaded.matter.policy_id, loaded.matter.policy_version).quorum, {
      members: p.map((x) => x.user_id),
      present: p.filter((x) => x.present).map((x) => x.user_id),
      recused: p.filter((x) => x.recused).map((x) => x.user_id),
      votes: p
        .filter((x) => x.vote !== null)
        .map((x) => ({ memberId: x.user_id, outcome: x.vote!, opinion: '' })),
    }).outcome;
  } catch {
    return null; // a count the decision itself would refuse carries nothing yet
  }
}

async function present(
  deps: Deps,
  user: UserWithGrants,
  ranked: readonly Ranked<NeighbourCandidate>[],
  counted: ReadonlySet<string>,
): Promise<SimilarItem[]> {
  const [rows, viewerUnitId] = await Promise.all([
    neighbourDetails(
      deps.db,
      ranked.map((r) => r.candidate.id),
      user.userId,
    ),
    viewerUnit(deps.db, user),
  ]);
  const details = new Map(rows.map((d) => [d.id, d]));
  const scope = similarPoolScope(user);
  const provinces = await jurisdictionNames(deps.db, [
    ...new Set([...details.values()].map((d) => d.jurisdiction_path.split('/').filter(Boolean)[0]!)),
  ]);
  const readable = (d: NeighbourDetail) =>
    matterAccess(
      user,
      {
        jurisdictionPath: d.jurisdiction_path,
        subjectCadreId: d.subject_cadre_id,
        subjectUnitId: d.subject_unit_id,
        applicantUserId: d.applicant_user_id,
        status: d.status,
        filed: d.filed,
      },
      { viewerUnitId, declaredConflict: d.declared_conflict },
    ).view === 'full';
  return ranked.flatMap((r, i): SimilarItem[] => {
    const d = details.get(r.candidate.id);
    if (!d) return [];
    const inScope = scope.some((p) => d.jurisdiction_path.startsWith(p));
    const named = inScope && readable(d);
    const province = provinces.get(d.jurisdiction_path.split('/').filter(Boolean)[0]!)?.name ?? '';
    const caseId = r.candidate.caseId ?? d.case_id;
    return [
      {
        rank: i + 1,
        matterId: named ? d.id : null,
        number: named ? d.number : null,
        title: named ? d.title : null,
        subject: named ? d.subject_name : null,
        unit: named ? d.unit_name : null,
        case: caseId && d.case_title ? { id: caseId, number: d.case_number, title: d.case_title } : null,
        jurisdiction: inScope
          ? { name: d.jurisdiction_name, generalised: false }
          : { name: generalisedPlace(province, d.jurisdiction_level), generalised: true },
        year: Number(r.candidate.decidedOn.slice(0, 4)),
        outcome: r.candidate.outcome,
        outcomeLabel: OUTCOME_LABELS[r.candidate.outcome],
        similarity: {
          structure: percent(r.structure.points),
          parts: r.structure.parts,
          text: Math.round(r.text * 1000) / 10,
          identical: r.structure.identical,
          gatesDiffer: r.structure.gatesDiffer,
          situationsShared: r.structure.situationsShared,
          exclusionsShared: r.structure.exclusionsShared,
        },
        counted: counted.has(r.candidate.id),
      },
    ];
  });
}

/** @throws DomainError('record.not_found') unless the viewer reads the matter in full. */
export async function similarMatters(
  deps: Deps,
  user: UserWithGrants,
  matterId: string,
  limit: number,
): Promise<SimilarMatters> {
  const loaded = await loadMatter(deps, user, matterId, { minimumView: ['full'] });
  const proposal = loaded.matter.proposal as { outcome?: Outcome } | null;
  const proposed = proposal?.outcome ?? null;
  const target = await targetOf(deps.db, deps.keyring, loaded.matter);
  const ranked = target ? await rankedNeighbours(deps.db, user, target) : [];
  const practice = practiceFrom(ranked);
  // The neighbours the rule counts: the first k ranked with the same gates and exclusions (as practiceOf takes them).
  const counted = new Set(
    ranked
      .filter((r) => decisiveMatch(r.structure))
      .slice(0, practice.rule.k)
      .map((r) => r.candidate.id),
  );
  const [items, carried] = await Promise.all([
    present(deps, user, ranked.slice(0, limit), counted),
    carriedOutcome(deps, user, loaded),
  ]);
  return {
    matterId,
    factsRecorded: target !== null,
    items,
    practice: {
      rule: practice.rule,
      counted: practice.neighbours.length,
      mix: practice.mix,
      majority: practice.majority,
      divergesFor: divergenceByOutcome(practice),
      proposed,
      carried,
    },
  };
}
