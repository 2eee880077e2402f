import { registerAjvFormats, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import { OneOf, StrictObject } from '@coop/shared';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, RateLimitedError } from '../errors.js';
import { errorResponses } from '../http/responses.js';
import errorsPlugin from './errors.js';

registerAjvFormats();

// The error handler and the error response schema alone, on a route whose body breaks one rule per field.
const app = Fastify();
app.setValidatorCompiler(TypeBoxValidatorCompiler);

const Body = StrictObject({
  title: Type.String({ minLength: 4, maxLength: 10 }),
  description: Type.String(),
  tags: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 2, uniqueItems: true })),
  trl: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
  budget: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  deadline: Type.Optional(Type.String({ format: 'date' })),
  visibility: Type.Optional(OneOf(['public', 'members'])),
  submit: Type.Optional(Type.Boolean()),
});

beforeAll(async () => {
  await app.register(errorsPlugin);
  app.post('/things', { schema: { body: Body, response: errorResponses(400) } }, () => ({}));
  app.get('/refused', { schema: { response: errorResponses(400, 429) } }, (request) => {
    if ('slow' in (request.query as object)) throw new RateLimitedError(90);
    throw new BadRequestError('wrong_password', 'The current password is wrong', [
      { field: 'body.currentPassword', problem: 'is wrong', rule: 'invalid' },
    ]);
  });
  await app.ready();
});
afterAll(() => app.close());

const post = (payload: object) => app.inject({ method: 'POST', url: '/things', payload });

describe('validation failures', () => {
  it('name each missing and each unknown property, with its rule', async () => {
    const response = await post({ secret: 1, other: 2 });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'body.title', problem: 'is required', rule: 'required' },
        { field: 'body.description', problem: 'is required', rule: 'required' },
        { field: 'body.secret', problem: 'is not an allowed property', rule: 'not_allowed' },
        { field: 'body.other', problem: 'is not an allowed property', rule: 'not_allowed' },
      ]),
    );
    expect(error.details).toHaveLength(4);
    expect(error.message).toContain('body.title is required');
  });

  it('give the limit a size or a number broke, and one problem per field', async () => {
    const tooLong = await post({ title: 'far too long a title', description: '', tags: ['a', 'b', 'c'] });
    expect(tooLong.json().error.details).toEqual([
      {
        field: 'body.title',
        problem: 'must not have more than 10 characters',
        rule: 'too_long',
        limit: 10,
      },
      { field: 'body.tags', problem: 'must not have more than 2 items', rule: 'too_many', limit: 2 },
    ]);
    const tooSmall = await post({ title: 'ab', description: '', tags: [], trl: 0, budget: -1 });
    expect(tooSmall.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.title', rule: 'too_short', limit: 4 }),
      expect.objectContaining({ field: 'body.tags', rule: 'too_few', limit: 1 }),
      expect.objectContaining({ field: 'body.trl', rule: 'too_small', limit: 1 }),
      // A nullable number reports each branch of the union; the first (the number's) is the useful one.
      expect.objectContaining({ field: 'body.budget', rule: 'too_small', limit: 0 }),
    ]);
    expect((await post({ title: 'abcd', description: '', trl: 10 })).json().error.details).toEqual([
      { field: 'body.trl', problem: 'must be <= 9', rule: 'too_large', limit: 9 },
    ]);
  });

  it('word formats, allowed values, duplicates and types', async () => {
    const response = await post({
      title: 'abcd',
      description: 5,
      tags: ['a', 'a'],
      deadline: '31/12/2027',
      visibility: 'secret',
    });
    const rules = Object.fromEntries(
      response.json().error.details.map((p: { field: string; rule: string }) => [p.field, p.rule]),
    );
    expect(rules).toEqual({
      'body.description': 'type',
      'body.tags': 'duplicate',
      'body.deadline': 'format',
      'body.visibility': 'not_one_of',
    });
  });
});

describe('other details', () => {
  it('keep their own shape beside field problems', async () => {
    const wrong = await app.inject({ method: 'GET', url: '/refused' });
    expect(wrong.json().error.details).toEqual([
      { field: 'body.currentPassword', problem: 'is wrong', rule: 'invalid' },
    ]);
    const slow = await app.inject({ method: 'GET', url: '/refused?slow' });
    expect(slow.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 90 } });
  });
});
