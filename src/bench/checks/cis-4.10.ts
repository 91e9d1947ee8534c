import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, imageExample, NO_IMAGES, perImage } from './images-common.js';

const SECRET_NAME = /(PASS(WORD|WD)?|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)/i;

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.10',
    slug: 'image-no-secrets',
    title: 'Ensure secrets are not stored in Dockerfiles',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Anything baked into an image (ENV values, files, build arguments) can be read by whoever can pull it, and stays in its layers even if deleted later.',
    remediation: 'Pass secrets at run time (Docker or swarm secrets, mounted files, `*_FILE` variables) and use BuildKit `--mount=type=secret` during builds.',
    checkExamples: [
      { note: 'secret-looking variable with a value', snapshot: imageExample({ Config: { Env: ['PATH=/bin', 'DB_PASSWORD=hunter2'] } }), expect: 'FAIL' },
      { note: 'only a *_FILE reference', snapshot: imageExample({ Config: { Env: ['DB_PASSWORD_FILE=/run/secrets/db'] } }), expect: 'MANUAL' },
      { note: 'no images', snapshot: NO_IMAGES, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const offenders = (image.Config?.Env ?? []).filter((entry) => {
        const eq = entry.indexOf('=');
        const name = eq < 0 ? entry : entry.slice(0, eq);
        const value = eq < 0 ? '' : entry.slice(eq + 1);
        return SECRET_NAME.test(name) && !/_FILE$/i.test(name) && value !== '' && !value.startsWith('/');
      }).map((entry) => entry.slice(0, entry.indexOf('=')));
      const evidence = [imageEvidence(image, 'Config.Env')];
      if (offenders.length > 0) return item('', 'FAIL', `secret-looking variables with values: ${offenders.join(', ')}`, undefined, evidence);
      return item('', 'MANUAL', 'no secret-looking ENV values; secrets in files or RUN steps cannot be ruled out', undefined, evidence);
    }),
};
