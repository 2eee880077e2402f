import { seedDemo } from '../seed/demo.js';
import { openConfigured, runCli } from './open.js';

runCli(async () => {
  const database = await openConfigured();
  console.log(
    (await seedDemo(database.db)) ? 'Demo data seeded.' : 'Demo data already present; nothing done.',
  );
  await database.close();
});
