import type { DeploymentRecord, Ledger, NewDeployment } from './ledger.js'

/** `ledger: none`: nothing is recorded and there is no history to read. */
export class NoneLedger implements Ledger {
  readonly kind = 'none' as const

  async *history(): AsyncIterable<DeploymentRecord> {}

  async create(deployment: NewDeployment): Promise<DeploymentRecord> {
    return {
      id: '',
      environment: deployment.environment,
      ref: deployment.ref,
      createdAt: new Date().toISOString(),
      payload: deployment.payload,
      statuses: []
    }
  }

  async addStatus(): Promise<void> {}
}
