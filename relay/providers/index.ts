/**
 * Builds the provider the configuration names. The simulated market also returns its fault
 * controller, which the server exposes only when SIM_CONTROL is on.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { UniverseMember } from '../universe.ts';
import type { FaultControl } from '../http/api.ts';
import type { Provider } from './types.ts';
import { coerceFault, createFaultController, parseFault } from './faults.ts';
import { createSimulatedProvider } from './simulated.ts';
import { createMassiveProvider } from './massive.ts';
import { createAlpacaProvider } from './alpaca.ts';
import { createFinnhubProvider } from './finnhub.ts';

export interface BuiltProvider {
  provider: Provider;
  faultControl?: FaultControl;
}

export function createProvider(config: Config, universe: readonly UniverseMember[], deps: { now: () => number; log: Logger }): BuiltProvider {
  const http = { apiKey: config.apiKey, timeoutMs: config.requestTimeoutMs, now: deps.now, ...(config.apiBaseUrl ? { baseUrl: config.apiBaseUrl } : {}) };
  switch (config.provider) {
    case 'simulated': {
      const faults = createFaultController(parseFault(config.sim.fault));
      const provider = createSimulatedProvider({ universe, seed: config.sim.seed, tickMs: config.sim.tickMs, speed: config.sim.speed, faults, now: deps.now,
        warmupMinutes: config.sim.warmupMinutes });
      const faultControl: FaultControl = {
        setFault(body) {
          try {
            const fault = coerceFault(body);
            faults.set(fault);
            return { ok: true, fault };
          } catch (error) {
            return { ok: false, reason: (error as Error).message };
          }
        },
      };
      return { provider, faultControl };
    }
    case 'massive':
      return { provider: createMassiveProvider(http) };
    case 'alpaca':
      return { provider: createAlpacaProvider({ ...http, apiSecret: config.apiSecret }) };
    case 'finnhub':
      return { provider: createFinnhubProvider(http) };
  }
}
