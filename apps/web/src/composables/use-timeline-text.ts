// Words for the event log of an agreement: who did what, per action, in the user's language.
import { useI18n } from 'vue-i18n';
import type { AgreementStatus, TimelineEvent } from '@/api/agreements';
import type { ChecklistViewStatus, ProjectStatus } from '@/api/projects';
import type { OrgRef } from '@/api/types';
import { useAgreementLabels } from './use-agreement-labels';
import { useOrgLabels } from './use-org-labels';

/** What the event's wording can name beyond the event itself: project titles and party organisations by id. */
export interface TimelineContext {
  projectTitles: Map<string, string>;
  orgs: Map<string, OrgRef>;
}

type Fields = Record<string, unknown>;
const asFields = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});
/** Bookkeeping fields that say nothing to a reader. */
const QUIET = new Set(['position', 'completedAt', 'version', 'projectId', 'order', 'expiryWarnedAt']);
const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function useTimelineText() {
  const { t, te, locale } = useI18n();
  const labels = useAgreementLabels();
  const { orgName } = useOrgLabels();

  function valueText(event: TimelineEvent, field: string, value: unknown, context: TimelineContext): string {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (field === 'status') {
      if (event.entityType === 'agreement') return labels.statusLabel(value as AgreementStatus);
      if (event.entityType === 'project') return labels.projectStatusLabel(value as ProjectStatus);
      return labels.itemStatusLabel(value as ChecklistViewStatus);
    }
    if (field === 'responsibleOrgId' || field === 'ownerOrgId') {
      const org = context.orgs.get(String(value));
      return org ? orgName(org) : t('common.none');
    }
    if (field === 'valueYuan') return labels.valueText(Number(value));
    if (field.endsWith('Date')) return labels.dateText(String(value));
    if (field === 'parties' && Array.isArray(value))
      return value
        .map((party) => context.orgs.get(asFields(party).orgId as string))
        .filter((org): org is OrgRef => !!org)
        .map(orgName)
        .join('、');
    if (Array.isArray(value)) return clip(value.join('、'));
    return clip(String(value), 40);
  }

  /** "status Active → Done; due date 2027-01-05" from the fields an update changed. */
  function changesText(event: TimelineEvent, context: TimelineContext): string {
    const before = asFields(event.before);
    const after = asFields(event.after);
    return Object.keys(after)
      .filter((field) => !QUIET.has(field))
      .map((field) => {
        const name = te(`agreements.timeline.fieldNames.${field}`)
          ? t(`agreements.timeline.fieldNames.${field}`)
          : field;
        // A cleared responsible party means the item became joint.
        const show = (value: unknown) =>
          field === 'responsibleOrgId' && value === null
            ? t('agreements.checklist.joint')
            : valueText(event, field, value, context);
        return field in before
          ? t('agreements.timeline.change', {
              field: name,
              before: show(before[field]),
              after: show(after[field]),
            })
          : t('agreements.timeline.changeSet', { field: name, after: show(after[field]) });
      })
      .join(locale.value === 'zh-CN' ? '；' : '; ');
  }

  function actorText(event: TimelineEvent): string {
    if (!event.actor) return t('agreements.timeline.system');
    const org = orgName({
      id: event.actor.orgId,
      nameZh: event.actor.orgNameZh,
      nameEn: event.actor.orgNameEn,
    });
    return locale.value === 'zh-CN'
      ? `${event.actor.displayName}（${org}）`
      : `${event.actor.displayName} (${org})`;
  }

  /** One sentence for one event. */
  function describe(event: TimelineEvent, context: TimelineContext): string {
    const before = asFields(event.before);
    const after = asFields(event.after);
    const key = `agreements.timeline.${event.entityType}.${event.action}`;
    const projectTitle =
      (event.entityType === 'project' ? ((after.title ?? before.title) as string | undefined) : undefined) ??
      (event.projectId ? context.projectTitles.get(event.projectId) : undefined) ??
      t('agreements.timeline.aProject');
    const params = {
      actor: actorText(event),
      title: projectTitle,
      item: String(after.title ?? before.title ?? ''),
      date: labels.dateText(String(after.signedOn ?? after.endDate ?? '')),
      reason: String(after.reason ?? ''),
      name: String(after.fileName ?? before.fileName ?? ''),
      body: clip(String(after.body ?? ''), 80),
      changes: changesText(event, context),
      action: event.action,
    };
    return te(key) ? t(key, params) : t('agreements.timeline.other', params);
  }

  return { describe };
}
