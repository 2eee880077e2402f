// One project with its checklist and notes: loading, live refresh, and every change to them (with version checks).
import { computed, ref, shallowRef } from 'vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import {
  projectsApi,
  type ChecklistItem,
  type ChecklistItemUpdate,
  type NewChecklistItem,
  type NewProject,
  type ProjectDetail,
} from '@/api/projects';
import { useSessionStore } from '@/stores/session';
import { useAgreementErrors } from './use-agreement-errors';
import { useFlash } from './use-flash';
import { useLiveEvents } from './use-live-events';

export function useProjectDetail(projectId: string, onChanged: () => void = () => {}) {
  const { t } = useI18n();
  const session = useSessionStore();
  const { report } = useAgreementErrors();
  const { flash, isFlashing } = useFlash();

  const project = shallowRef<ProjectDetail | null>(null);
  const error = shallowRef<unknown>(null);
  const busy = ref(false);
  let latest = 0;

  async function load() {
    const request = ++latest;
    try {
      const answer = await projectsApi.get(projectId);
      if (request !== latest) return;
      project.value = answer;
      error.value = null;
    } catch (caught) {
      if (request === latest) error.value = caught;
    }
  }

  /** A party may change the project while its agreement runs. */
  const workable = computed(
    () => !!project.value?.canWork && ['signed', 'active'].includes(project.value.agreement.status),
  );
  /** The checklist changes only while the project is open, too. */
  const editable = computed(() => workable.value && !['done', 'closed'].includes(project.value!.status));

  /** Runs a change; afterwards shows the latest state. A stale version reloads first and says so. */
  async function change(work: () => Promise<unknown>, success?: string): Promise<boolean> {
    busy.value = true;
    try {
      await work();
      if (success) ElMessage.success(success);
      return true;
    } catch (caught) {
      await report(caught, load);
      return false;
    } finally {
      busy.value = false;
      await load();
      onChanged();
    }
  }

  const replaceItem = (item: ChecklistItem) => {
    if (project.value)
      project.value = {
        ...project.value,
        items: project.value.items.map((each) => (each.id === item.id ? item : each)),
      };
  };

  const updateItem = (item: ChecklistItem, patch: Omit<ChecklistItemUpdate, 'version'>, success?: string) =>
    change(
      async () => replaceItem(await projectsApi.updateItem(item.id, { ...patch, version: item.version })),
      success,
    );

  function moveItem(index: number, delta: -1 | 1) {
    const ids = (project.value?.items ?? []).map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    return change(() => projectsApi.reorderItems(projectId, ids));
  }

  useLiveEvents({
    filter: (event) => event.projectId === projectId,
    onEvents(events) {
      load();
      const fromOthers = events.filter((event) => event.actorUserId !== session.user?.id);
      flash(fromOthers.map((event) => (event.entityType === 'checklist_item' ? event.entityId : projectId)));
    },
    onReset: load,
  });
  load();

  return {
    project,
    error,
    busy,
    workable,
    editable,
    isFlashing,
    load,
    tick: (item: ChecklistItem, done: boolean) => updateItem(item, { status: done ? 'done' : 'pending' }),
    updateItem,
    addItem: (body: NewChecklistItem) =>
      change(() => projectsApi.addItem(projectId, body), t('agreements.checklist.saved')),
    removeItem: (item: ChecklistItem) =>
      change(() => projectsApi.removeItem(item.id, item.version), t('agreements.checklist.removed')),
    moveItem,
    updateProject: (body: NewProject) =>
      change(
        () => projectsApi.update(projectId, { ...body, version: project.value!.version }),
        t('agreements.projects.saved'),
      ),
    addNote: (body: string) =>
      change(() => projectsApi.addNote(projectId, body), t('agreements.notes.added')),
  };
}
