// Opens and migrates the configured database for command-line tools and the server.
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/client.js';

export async function openConfigured(config: Config = loadConfig()) {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: `${config.dataDir}/pg`,
    onConnectionLost: (error) => console.warn(`database connection lost: ${error.message}`),
  });
  await database.migrate();
  return database;
}

/** Runs a CLI body, turning configuration errors into one line and a non-zero exit. */
export function runCli(main: () => Promise<void>) {
  main().catch((error: Error) => {
    console.error(error.constructor.name === 'ConfigError' ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  });
}
