// Matches between needs and capabilities: ranked suggestions, stage moves, brokered introductions.
import type {
  IntroductionBody,
  Match,
  MatchListQuery,
  MatchReason,
  MatchStage,
  MatchTransition,
  ProposalBody,
  ResponseBody,
} from '@coop/shared';
import { MATCH_STAGES } from '@coop/shared';
import { api } from './client';
import type { ListingType, Paged } from './types';

export type { IntroductionBody, Match, MatchReason, MatchStage, MatchTransition, ProposalBody };
export { MATCH_STAGES };

export type MatchProposal = Match['proposals'][number];
export type MatchParty = Match['need'];
export type MatchScope = MatchListQuery['scope'];

/** Largest `limit` the listing match routes accept. */
export const MATCH_LIMIT_MAX = 50;

const PLURAL: Record<ListingType, string> = { need: 'needs', capability: 'capabilities' };

export const matchingApi = {
  /** The other side's best matches for one listing, best first. */
  forListing: (side: ListingType, id: string, limit = 10) =>
    api
      .get<{ matches: Match[] }>(`/${PLURAL[side]}/${id}/matches`, { limit })
      .then((answer) => answer.matches),
  list: (query: MatchListQuery) => api.get<Paged<Match>>('/matches', { ...query }),
  transition: (id: string, body: MatchTransition) => api.post<Match>(`/matches/${id}/transitions`, body),
  introduce: (body: IntroductionBody) => api.post<Match>('/matches/introductions', body),
  /** Answer an open need with one of the caller's capabilities and a proposal. */
  respond: (body: ResponseBody) => api.post<Match>('/matches/responses', body),
};
