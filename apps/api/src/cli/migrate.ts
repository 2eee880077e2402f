import { openConfigured, runCli } from './open.js';

runCli(async () => {
  const database = await openConfigured();
  console.log(`Migrations applied (${database.driver}).`);
  await database.close();
});
