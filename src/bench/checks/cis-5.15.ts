import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

const SERVICE_LABEL = 'com.docker.swarm.service.id';

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export const check = containerCheck(
  section5Meta({
    cisId: '5.15',
    slug: 'container-restart-on-failure-5',
    title: "Ensure that the 'on-failure' container restart policy is set to '5'",
    rationale:
      'A container that restarts forever (`always`, `unless-stopped`, or `on-failure` without a bound) can be crash-looped into a denial of service and hides failures. A small retry bound restarts transient failures and then stops.',
    remediation: 'Use `--restart on-failure:5` (or fewer retries); swarm services: `--restart-condition on-failure --restart-max-attempts 5`.',
    checkExamples: [
      { note: 'always', snapshot: containerExample({ HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } }), expect: 'FAIL' },
      { note: 'unbounded on-failure', snapshot: containerExample({ HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 0 } } }), expect: 'FAIL' },
      {
        note: 'swarm task, service not visible from a worker',
        snapshot: containerExample({ Config: { Labels: { [SERVICE_LABEL]: 'svc1' } } }),
        expect: 'UNKNOWN',
      },
      { note: 'on-failure:5', snapshot: {}, expect: 'PASS' },
      { note: 'no restart policy', snapshot: containerExample({ HostConfig: { RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } } }), expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const serviceId = c.labels[SERVICE_LABEL];
    if (serviceId) {
      const evidence = [`/engine/services/${serviceId}#Spec.TaskTemplate.RestartPolicy`];
      const services = context.runtime.services;
      if (!services.ok) return unknown(`swarm task of service ${serviceId}, but services are not visible: ${services.reason}`, evidence);
      const service = record(services.value.get(serviceId));
      if (!service) return unknown(`swarm task of service ${serviceId}, which is not listed`, evidence);
      const policy = record(record(record(service['Spec'])?.['TaskTemplate'])?.['RestartPolicy']);
      const condition = typeof policy?.['Condition'] === 'string' ? policy['Condition'] : 'any';
      const attempts = typeof policy?.['MaxAttempts'] === 'number' ? policy['MaxAttempts'] : 0;
      const detail = `service restart condition=${condition} max-attempts=${attempts}`;
      if (condition === 'none') return pass(detail, evidence);
      if (condition === 'on-failure' && attempts >= 1 && attempts <= 5) return pass(detail, evidence);
      return fail('swarm service restarts without a bound of at most 5 attempts', detail, evidence);
    }
    const evidence = [evidenceFor(c, 'restartPolicy')];
    const { name, maxRetries } = c.restartPolicy;
    const detail = `RestartPolicy=${name || '""'}${name === 'on-failure' ? `:${maxRetries}` : ''}`;
    switch (name) {
      case 'on-failure':
        if (maxRetries >= 1 && maxRetries <= 5) return pass(detail, evidence);
        return fail(maxRetries === 0 ? 'on-failure without a retry limit' : `on-failure allows ${maxRetries} retries (more than 5)`, detail, evidence);
      case 'always':
      case 'unless-stopped':
        return fail(`restart policy ${name} restarts without limit`, detail, evidence);
      case 'no':
      case '':
        return pass('note: no automatic restart', evidence);
      default:
        return unknown(`unrecognised restart policy "${name}"`, evidence);
    }
  },
);
