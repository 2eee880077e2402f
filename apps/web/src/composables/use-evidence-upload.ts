import type { Attachment } from '@coop/shared';
import type { UploadSession } from '@/api/files';
import { api } from '@/api/client';
import { useSessionStore } from '@/stores/session';

type Send = (
  file: File,
  onProgress: (percent: number) => void,
  session: UploadSession,
) => Promise<Attachment>;

/** Sends chosen evidence files one after another; answers those kept and the first failure, if any. */
export function useEvidenceUpload() {
  const session = useSessionStore();
  const uploadSession: UploadSession = {
    token: () => session.accessToken,
    // Any call through the API client renews an expired token.
    renew: () => api.get<unknown>('/me'),
  };
  return async function sendAll(files: File[], send: Send) {
    const kept: Attachment[] = [];
    for (const file of files) {
      try {
        kept.push(await send(file, () => {}, uploadSession));
      } catch (error) {
        return { kept, failed: { file, error } };
      }
    }
    return { kept, failed: null };
  };
}
