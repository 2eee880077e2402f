// Docking meetings: events, participants, requests, the schedule, the day, outcomes, signing and agendas.
import type {
  Agenda,
  Meeting,
  MeetingAction,
  MeetingFigures,
  MeetingOutcome,
  MeetingRequest,
  MeetingStatus,
  NewMeeting,
  Participant,
  ParticipantUpdate,
  ScheduleRun,
  SigningBody,
  SigningResult,
  Suggestion,
  WalkIn,
} from '@coop/shared';
import { MEETING_OUTCOMES, MEETING_STATUSES } from '@coop/shared';
import { api, apiRequest } from './client';
import { downloadFile } from './files';
import type { PageQuery, Paged } from './types';

export type {
  Agenda,
  Meeting,
  MeetingAction,
  MeetingFigures,
  MeetingOutcome,
  MeetingRequest,
  MeetingStatus,
  NewMeeting,
  Participant,
  ScheduleRun,
  SigningBody,
  Suggestion,
};
export { MEETING_OUTCOMES, MEETING_STATUSES };

const base = (id: string) => `/meetings/${id}`;

export const meetingsApi = {
  list: (query: Partial<PageQuery> & { role?: 'organiser' | 'participant'; status?: MeetingStatus }) =>
    api.get<Paged<Meeting>>('/meetings', { ...query }),
  get: (id: string) => api.get<Meeting>(base(id)),
  create: (body: NewMeeting) => api.post<Meeting>('/meetings', body),
  transition: (id: string, action: MeetingAction, version: number) =>
    api.post<Meeting>(`${base(id)}/transitions`, { action, version }),
  figures: (id: string) => api.get<MeetingFigures>(`${base(id)}/figures`),
  participants: (id: string) => api.get<Participant[]>(`${base(id)}/participants`),
  invite: (id: string, orgIds: string[]) => api.post<Participant[]>(`${base(id)}/participants`, { orgIds }),
  updateParticipant: (id: string, participantId: string, patch: ParticipantUpdate) =>
    api.patch<Participant>(`${base(id)}/participants/${participantId}`, patch),
  checkIn: (id: string, participantId: string) =>
    api.post<Participant>(`${base(id)}/participants/${participantId}/check-in`),
  suggestions: (id: string) => api.get<Suggestion[]>(`${base(id)}/suggestions`),
  requests: (id: string) => api.get<Paged<MeetingRequest>>(`${base(id)}/requests`, { pageSize: 500 }),
  request: (
    id: string,
    body: {
      fromParticipantId?: string;
      toParticipantId: string;
      purpose: string;
      priority?: number;
      matchId?: string;
    },
  ) => api.post<MeetingRequest>(`${base(id)}/requests`, body),
  answer: (id: string, requestId: string, answer: 'accepted' | 'declined') =>
    api.post<MeetingRequest>(`${base(id)}/requests/${requestId}/answer`, { answer }),
  schedule: (id: string, keep: 'all' | 'fixed' = 'all') =>
    api.post<ScheduleRun>(`${base(id)}/schedule`, { keep }),
  place: (id: string, requestId: string, slot: number, table: number) =>
    apiRequest<MeetingRequest>('PUT', `${base(id)}/requests/${requestId}/placement`, {
      body: { slot, table },
    }),
  attendance: (id: string, requestId: string, attendance: 'held' | 'no_show' | 'scheduled') =>
    api.post<MeetingRequest>(`${base(id)}/requests/${requestId}/attendance`, { attendance }),
  walkIn: (id: string, body: WalkIn) => api.post<MeetingRequest>(`${base(id)}/walk-ins`, body),
  outcome: (id: string, requestId: string, outcome: MeetingOutcome, note?: string) =>
    api.post<MeetingRequest>(`${base(id)}/requests/${requestId}/outcomes`, {
      outcome,
      ...(note ? { note } : {}),
    }),
  sign: (id: string, body: SigningBody) => api.post<SigningResult>(`${base(id)}/signing`, body),
  agenda: (id: string, query: { participant?: string; table?: number; lang?: string }) =>
    api.get<Agenda>(`${base(id)}/agenda`, { ...query }),
  download: (
    id: string,
    format: 'xlsx' | 'pdf' | 'ics',
    query: { participant?: string; table?: string; lang: string },
  ) => downloadFile(`${base(id)}/agenda`, { ...query, format }, `agenda.${format}`),
};
