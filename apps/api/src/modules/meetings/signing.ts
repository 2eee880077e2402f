// The signing ceremony: from a meeting, framework agreements — one per enterprise with the college, or one for all
// parties — signed in one transaction with their project lists ready to fill. All or nothing.
import { FRAMEWORK_ASPECTS, type SigningBody, type SigningResult } from '@coop/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingAgreements, meetingRequests, projects } from '../../db/schema/index.js';
import { ConflictError } from '../../errors.js';
import type { AccessPolicy } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { agreementSnapshot } from '../agreements/dto.js';
import { checkPeriod, invalid } from '../agreements/input.js';
import type { Journal } from '../agreements/journal.js';
import { agreeMatch, lockMatch } from '../agreements/match-link.js';
import type { AgreementService } from '../agreements/service.js';
import { projectSnapshot } from '../projects/dto.js';
import type { ParticipantView } from './repository.js';
import type { MeetingService } from './service.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  meetings: MeetingService;
  agreements: AgreementService;
  journal: Journal;
}

const SIGNABLE = ['scheduled', 'held', 'closed'];

const TITLE_MAX = 200;

/**
 * The agreement's title: both languages with every party's name when that fits the title's limit, else the first
 * party and how many more, never a name cut in the middle.
 */
export function frameworkTitle(orgs: { nameZh: string; nameEn: string }[]): string {
  const zh = (names: string) => `${names} 产学研合作框架协议`;
  const en = (names: string) => `Framework agreement on industry–education cooperation: ${names}`;
  const [first] = orgs;
  const others = orgs.length - 1;
  const candidates = [
    `${zh(orgs.map((o) => o.nameZh).join('—'))} / ${en(orgs.map((o) => o.nameEn).join(' – '))}`,
    `${zh(`${first!.nameZh}等${orgs.length}方`)} / ${en(`${first!.nameEn} and ${others} more`)}`,
    zh(`${first!.nameZh}等${orgs.length}方`),
  ];
  return candidates.find((title) => title.length <= TITLE_MAX) ?? candidates.at(-1)!.slice(0, TITLE_MAX);
}

export function createSigningService({ db, access, meetings, agreements, journal }: Deps) {
  return {
    async sign(actor: Actor | null, meetingId: string, body: SigningBody): Promise<SigningResult> {
      const { record, caller } = await meetings.authorise(actor, meetingId, 'organiser');
      if (!SIGNABLE.includes(record.row.status)) {
        throw new ConflictError(
          'meeting_status',
          `Agreements are signed on or after the day; the meeting is ${record.row.status}`,
          {
            status: record.row.status,
          },
        );
      }
      const participant = (id: string, field: string): ParticipantView => {
        const found = record.participants.find((p) => p.id === id);
        if (!found) throw invalid(field, 'is not a participant of this meeting', 'unknown_value');
        if (found.status !== 'accepted')
          throw invalid(field, `is ${found.org.nameZh}, which did not accept the invitation`, 'not_allowed');
        return found;
      };
      const college = participant(body.collegeParticipantId, 'body.collegeParticipantId');
      if (college.org.kind !== 'college' && college.org.kind !== 'institute') {
        throw invalid('body.collegeParticipantId', 'is not a college or institute', 'not_allowed');
      }
      const repeated = body.participantIds.findIndex(
        (id, index) => body.participantIds.indexOf(id) !== index,
      );
      if (repeated >= 0)
        throw invalid(`body.participantIds.${repeated}`, 'names a participant already listed', 'duplicate');
      const others = body.participantIds.map((id, index) => {
        const found = participant(id, `body.participantIds.${index}`);
        if (found.id === college.id)
          throw invalid(`body.participantIds.${index}`, 'is the college side itself');
        return found;
      });
      if (body.mode === 'multi_party' && others.length < 2) {
        throw invalid(
          'body.participantIds',
          'needs at least two parties besides the college for a multi-party agreement',
          'too_few',
        );
      }
      const everyone = [college, ...others];
      const signatory = new Map<string, { name: string; title: string | null }>();
      body.signatories.forEach((s, index) => {
        if (!everyone.some((p) => p.id === s.participantId)) {
          throw invalid(`body.signatories.${index}.participantId`, 'is not one of the parties being signed');
        }
        signatory.set(s.participantId, {
          name: s.signatoryName.trim(),
          title: s.signatoryTitle?.trim() || null,
        });
      });
      const unsigned = everyone.filter((p) => !signatory.get(p.id)?.name);
      if (unsigned.length) {
        throw invalid(
          'body.signatories',
          `need a signatory for ${unsigned.map((p) => p.org.nameZh).join('、')}`,
          'required',
        );
      }
      checkPeriod(body.startDate, body.endDate, { start: 'startDate', end: 'endDate' });
      const aspects = FRAMEWORK_ASPECTS.filter((a) => !body.aspects || body.aspects.includes(a.key));
      const groups = body.mode === 'per_enterprise' ? others.map((o) => [college, o]) : [everyone];

      // Who signs is checked for every agreement before anything is written.
      const plans = await Promise.all(
        groups.map(async (parties) => {
          const orgIds = parties.map((p) => p.orgId);
          const partyAssociationIds = await agreements.repository.associationsOf(db, orgIds);
          const { brokerOrgId } = access.requireAgreementCreation(caller, {
            partyOrgIds: orgIds,
            partyAssociationIds,
          });
          return { parties, orgIds, brokerOrgId };
        }),
      );

      let projectCount = 0;
      const signed = await journal.write(caller, async (tx, record_) => {
        const made: { id: string; title: string }[] = [];
        for (const { parties, orgIds, brokerOrgId } of plans) {
          // A pair's meeting that reached an agreement brings its match along, which moves to `agreed`.
          const linked =
            parties.length === 2
              ? await tx
                  .select({ matchId: meetingRequests.matchId })
                  .from(meetingRequests)
                  .where(
                    and(
                      eq(meetingRequests.meetingId, meetingId),
                      inArray(
                        meetingRequests.fromParticipantId,
                        parties.map((p) => p.id),
                      ),
                      inArray(
                        meetingRequests.toParticipantId,
                        parties.map((p) => p.id),
                      ),
                      eq(meetingRequests.status, 'accepted'),
                    ),
                  )
              : [];
          const matchId = linked.find((l) => l.matchId)?.matchId ?? null;
          const match = matchId ? await lockMatch(tx, matchId, orgIds).catch(() => null) : null;
          const row = await agreements.repository.insert(tx, {
            type: 'framework',
            title: frameworkTitle(parties.map((p) => p.org)),
            description: `签订于 ${record.row.titleZh}（${record.row.date}）。Signed at ${record.row.titleEn} (${record.row.date}).`,
            status: 'signed',
            signedOn: body.signedOn,
            startDate: body.startDate ?? null,
            endDate: body.endDate ?? null,
            matchId: match ? matchId : null,
            brokerOrgId,
            createdBy: caller.userId,
          });
          await agreements.repository.replaceParties(
            tx,
            row.id,
            parties.map((p) => ({
              orgId: p.orgId,
              signatoryName: signatory.get(p.id)!.name,
              signatoryTitle: signatory.get(p.id)!.title,
            })),
          );
          if (match) await agreeMatch(tx, caller, matchId!, row.id, match.stage);
          await tx.insert(meetingAgreements).values({ agreementId: row.id, meetingId });
          const created = (await agreements.repository.get(tx, row.id))!;
          await record_({
            entityType: 'agreement',
            entityId: row.id,
            agreementId: row.id,
            action: 'signed_at_meeting',
            after: { ...agreementSnapshot(created), meetingId, signedOn: body.signedOn },
          });
          // The project list template: one planned project per aspect, owned by the college side.
          const inserted = await tx
            .insert(projects)
            .values(
              aspects.map((aspect, index) => ({
                agreementId: row.id,
                title: `${aspect.zh} ${aspect.en}`,
                ownerOrgId: college.orgId,
                position: index + 1,
              })),
            )
            .returning();
          for (const project of inserted) {
            await record_({
              entityType: 'project',
              entityId: project.id,
              agreementId: row.id,
              projectId: project.id,
              action: 'created',
              after: projectSnapshot(project),
            });
          }
          projectCount += inserted.length;
          made.push({ id: row.id, title: row.title });
        }
        return made;
      });
      return { agreements: signed, projectCount };
    },
  };
}

export type SigningService = ReturnType<typeof createSigningService>;
