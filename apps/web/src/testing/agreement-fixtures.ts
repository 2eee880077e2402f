// Agreements, projects, checklist items and a controllable live stream for component tests.
import type { AgreementDetail, TimelineEvent } from '@/api/agreements';
import type { ChecklistItem, Project, ProjectDetail, Task } from '@/api/projects';
import type { LiveEvent } from '@/composables/use-live-events';
import type { MockReply } from './mock-api';

export const ENTERPRISE = {
  id: 'org-1',
  nameZh: '恒川数控机床有限公司',
  nameEn: 'Hengchuan CNC',
  kind: 'enterprise',
};
export const COLLEGE = {
  id: 'org-2',
  nameZh: '浙东理工大学',
  nameEn: 'East Zhejiang University of Technology',
  kind: 'college',
};
export const VOCATIONAL = {
  id: 'org-3',
  nameZh: '钱塘职业技术学院',
  nameEn: 'Qiantang Vocational College',
  kind: 'college',
};

export function makeAgreement(overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  return {
    id: 'agreement-1',
    type: 'framework',
    title: 'Three-party framework agreement',
    description: null,
    status: 'active',
    parties: [ENTERPRISE, COLLEGE, VOCATIONAL].map((org) => ({
      org,
      signatoryName: null,
      signatoryTitle: null,
    })),
    broker: null,
    matchId: null,
    signedOn: '2026-07-24',
    startDate: '2026-07-24',
    endDate: '2029-11-20',
    valueYuan: 5_000_000,
    expiringSoon: false,
    allowedActions: ['complete', 'terminate'],
    canManage: true,
    canWork: true,
    version: 3,
    createdAt: '2026-07-01T00:00:00.000Z',
    updatedAt: '2026-07-24T00:00:00.000Z',
    attachments: [],
    ...overrides,
  };
}

export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'project-1',
    agreement: {
      id: 'agreement-1',
      title: 'Three-party framework agreement',
      type: 'framework',
      status: 'active',
    },
    title: 'Joint training of CNC technicians',
    description: null,
    ownerOrg: VOCATIONAL,
    leadName: 'Zheng Fang',
    startDate: '2026-08-13',
    dueDate: '2027-06-09',
    status: 'active',
    position: 1,
    deliverables: ['Training plan'],
    checklist: { done: 1, total: 3, overdue: 1 },
    overdue: false,
    canWork: true,
    version: 1,
    createdAt: '2026-08-13T00:00:00.000Z',
    updatedAt: '2026-08-13T00:00:00.000Z',
    ...overrides,
  };
}

export function makeItem(overrides: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id: 'item-1',
    projectId: 'project-1',
    title: 'First 40 trainees start',
    dueDate: '2030-12-11',
    responsible: 'joint',
    responsibleOrg: null,
    status: 'pending',
    declaredStatus: 'pending',
    overdue: false,
    evidence: null,
    position: 1,
    completedAt: null,
    version: 2,
    createdAt: '2026-08-13T00:00:00.000Z',
    updatedAt: '2026-08-13T00:00:00.000Z',
    ...overrides,
  };
}

export function makeProjectDetail(overrides: Partial<ProjectDetail> = {}): ProjectDetail {
  return { ...makeProject(), items: [makeItem()], notes: [], ...overrides };
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    ...makeItem(),
    project: { id: 'project-1', title: 'Joint training of CNC technicians' },
    agreement: {
      id: 'agreement-1',
      title: 'Three-party framework agreement',
      type: 'framework',
      status: 'active',
    },
    ...overrides,
  };
}

export function makeTimelineEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: 1,
    occurredAt: '2026-11-21T08:00:00.000Z',
    entityType: 'agreement',
    entityId: 'agreement-1',
    projectId: null,
    action: 'created',
    actor: {
      userId: 'user-9',
      displayName: 'Wang Min',
      orgId: 'org-9',
      orgNameZh: '之江机械工业协会',
      orgNameEn: 'Zhijiang Machinery Association',
    },
    before: null,
    after: null,
    ...overrides,
  };
}

export function makeLiveEvent(overrides: Partial<LiveEvent> = {}): LiveEvent {
  return {
    id: 101,
    entityType: 'checklist_item',
    entityId: 'item-1',
    agreementId: 'agreement-1',
    projectId: 'project-1',
    action: 'updated',
    occurredAt: '2026-11-21T08:00:00.000Z',
    actorUserId: 'someone-else',
    actorOrgId: 'org-2',
    before: { status: 'pending' },
    after: { status: 'done' },
    ...overrides,
  };
}

export const conflict = (current: unknown): MockReply => ({
  status: 409,
  body: { error: { code: 'version_conflict', message: 'changed', details: { current } } },
});

/** An event stream a test writes to: `reply` answers GET /events/stream, `send` pushes a message, `end` closes it. */
export function liveStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const raw = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const write = (text: string) => controller.enqueue(encoder.encode(text));
  return {
    reply: { raw, headers: { 'Content-Type': 'text/event-stream' } } satisfies MockReply,
    ready: (lastEventId = 100) =>
      write(`id: ${lastEventId}\nevent: ready\ndata: {"lastEventId":${lastEventId}}\n\n`),
    send: (event: LiveEvent) => write(`: heartbeat\n\nid: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`),
    reset: () => write('event: reset\ndata: {"reason":"too_many_missed"}\n\n'),
    end: () => controller.close(),
  };
}
