import { afterEach, beforeEach, vi } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { connectSession } from '@/api/client';
import { mockApi, takeUnexpectedCalls } from './mock-api';

enableAutoUnmount(afterEach);

beforeEach(() => {
  // Until a test sets up its routes, every request is unexpected.
  mockApi({});
});

afterEach(() => {
  connectSession(null);
  vi.unstubAllGlobals();
  vi.useRealTimers();
  localStorage.clear();
  document.body.innerHTML = '';
  const unexpected = takeUnexpectedCalls();
  if (unexpected.length) throw new Error(`Requests no test set up: ${unexpected.join(', ')}`);
});
