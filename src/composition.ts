import { bootstrapStore, type BootstrapResult } from './app/bootstrap.service';
import { systemClock, type Clock, type Store } from './app/ports';
import type { Config } from './config';
import { demoAssignments, demoPlan } from './demo/demo-plan';
import { openStore } from './storage/open-store';
import { readRosterFile } from './storage/roster-file';

/** Open the configured store, sync the roster file into it and seed the demo plan if it is empty. */
export const openConfiguredStore = async (config: Config, clock: Clock = systemClock): Promise<{ store: Store; bootstrap: BootstrapResult }> => {
  const roster = readRosterFile(config.rosterFile);
  const store = await openStore(config.databaseUrl, clock, config.databasePoolSize);
  try {
    const bootstrap = await bootstrapStore(store, { planId: config.planId, roster, rosterSync: config.rosterSync, seedPlan: config.seedDemoPlan ? demoPlan : undefined, seedAssignments: demoAssignments });
    return { store, bootstrap };
  } catch (error) {
    await store.close();
    throw error;
  }
};
