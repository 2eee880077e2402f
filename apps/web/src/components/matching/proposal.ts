import type { ProposalBody } from '@/api/matching';

/** The proposal form as typed: the budget in 万元 (10,000 yuan), blank when unknown. */
export interface ProposalForm {
  approach: string;
  team: string;
  timeline: string;
  budgetWan: number | null | undefined;
}

/** Largest budget the API takes, 100 billion yuan, in 万元. */
export const MAX_BUDGET_WAN = 10_000_000;

export const emptyProposal = (): ProposalForm => ({ approach: '', team: '', timeline: '', budgetWan: null });

export const wanToYuan = (wan: number) => Math.round(wan * 10_000);

export function budgetWanValid(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_BUDGET_WAN;
}

/** What the API takes: trimmed texts, blanks left out, the budget in yuan. */
export function toProposalBody(form: ProposalForm): ProposalBody {
  const team = form.team.trim();
  const timeline = form.timeline.trim();
  return {
    approach: form.approach.trim(),
    ...(team ? { team } : {}),
    ...(timeline ? { timeline } : {}),
    ...(form.budgetWan != null ? { budget: wanToYuan(form.budgetWan) } : {}),
  };
}
