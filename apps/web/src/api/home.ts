// The signed-in user's home: their organisation's figures and today's to-dos, each with the page to act on it.
import type { HomeResponse } from '@coop/shared';
import { api } from './client';

export type { HomeResponse };

export const homeApi = {
  get: () => api.get<HomeResponse>('/home'),
};
