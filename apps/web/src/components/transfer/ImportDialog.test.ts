import { describe, expect, it, vi } from 'vitest';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import ImportDialog from './ImportDialog.vue';

/** A response body the test writes to line by line, as the server streams progress. */
function lineStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) });
  return {
    stream,
    send: (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`)),
    end: () => controller.close(),
  };
}

async function chooseFile(wrapper: Awaited<ReturnType<typeof mountComponent>>['wrapper'], file: File) {
  const input = document.querySelector('[data-testid=import-upload] input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await settle();
  return wrapper;
}

describe('ImportDialog', () => {
  it('shows the server’s progress, then the rejected rows with their numbers and reasons', async () => {
    const body = lineStream();
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'POST /import/needs': { raw: body.stream, headers: { 'Content-Type': 'application/x-ndjson' } },
    });
    const { wrapper } = await mountComponent(ImportDialog, { props: { type: 'need', modelValue: true } });
    const dialog = () => document.querySelector('[data-testid=import-dialog]') as HTMLElement;

    await chooseFile(wrapper, new File(['title,description\n'], 'needs.csv', { type: 'text/csv' }));
    expect(dialog().textContent).toContain('File: needs.csv');
    (dialog().querySelector('[data-testid=import-start]') as HTMLElement).click();
    await settle();

    const request = api.callsTo('POST /import/needs')[0]!;
    expect(request.headers.get('Accept')).toBe('application/x-ndjson');
    expect((request.body as FormData).get('file')).toBeInstanceOf(File);

    body.send({ progress: { processed: 25, total: 50 } });
    await vi.waitFor(() => expect(dialog().textContent).toContain('Imported 25 of 50 rows'));
    expect(
      dialog().querySelector('[data-testid=import-progress] .el-progress')!.getAttribute('aria-valuenow'),
    ).toBe('50');

    body.send({
      report: {
        total: 50,
        created: 47,
        updated: 1,
        rejected: 2,
        errors: [
          {
            row: 7,
            title: 'Gear noise',
            problems: [
              {
                field: 'fields',
                problem: '"gears" is not a known value',
                rule: 'unknown_value',
                value: 'gears',
              },
            ],
          },
          { row: 12, title: '', problems: [{ field: 'title', problem: 'is required', rule: 'required' }] },
        ],
      },
    });
    body.end();
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid=import-report]')).not.toBeNull());

    expect(dialog().querySelector('[data-testid=import-summary]')!.textContent).toBe(
      '50 rows read: 47 created, 1 updated, 2 rejected.',
    );
    const rows = [...dialog().querySelectorAll('[data-testid=import-errors] tbody tr')].map(
      (row) => row.textContent,
    );
    expect(rows).toEqual([
      '7Gear noisefields: "gears" is not a known value',
      '12(no title)title: is required',
    ]);
    expect(wrapper.emitted('imported')).toHaveLength(1);
  });

  it('says in words why a file was refused', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'POST /import/capabilities': {
        status: 400,
        body: { error: { code: 'invalid_file', message: 'The first row must name the columns' } },
      },
    });
    const { wrapper } = await mountComponent(ImportDialog, {
      props: { type: 'capability', modelValue: true },
    });
    const dialog = () => document.querySelector('[data-testid=import-dialog]') as HTMLElement;

    await chooseFile(wrapper, new File(['x'], 'notes.txt'));
    expect(dialog().querySelector('[data-testid=import-error]')!.textContent).toContain(
      'Only .csv and .xlsx files can be imported.',
    );

    await chooseFile(wrapper, new File(['a;b'], 'capabilities.csv'));
    (dialog().querySelector('[data-testid=import-start]') as HTMLElement).click();
    await settle();

    expect(dialog().querySelector('[data-testid=import-error]')!.textContent).toContain(
      'This file cannot be read: the first row must name the columns',
    );
  });

  it.each([
    ['en', 'at least 25 of 150 rows were saved. Import the same file again to finish'],
    ['zh-CN', '150 行中至少 25 行已保存。请再次导入同一文件以完成'],
  ] as const)('says where an import stopped when the server went away (%s)', async (locale, words) => {
    const body = lineStream();
    mockApi({
      ...restoresSessionOf(makeUser()),
      'POST /import/needs': { raw: body.stream, headers: { 'Content-Type': 'application/x-ndjson' } },
    });
    const { wrapper } = await mountComponent(ImportDialog, {
      props: { type: 'need', modelValue: true },
      locale,
    });
    const dialog = () => document.querySelector('[data-testid=import-dialog]') as HTMLElement;
    await chooseFile(wrapper, new File(['title,description\n'], 'needs.csv', { type: 'text/csv' }));
    (dialog().querySelector('[data-testid=import-start]') as HTMLElement).click();
    await settle();

    body.send({ progress: { processed: 25, total: 150 } });
    // The server killed: the stream ends with no report.
    body.end();
    await vi.waitFor(() =>
      expect(dialog().querySelector('[data-testid=import-error]')?.textContent).toContain(words),
    );
    expect(wrapper.emitted('imported')).toBeUndefined();
  });
});
