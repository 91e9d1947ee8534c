/**
 * A structural check of the SARIF 2.1.0 properties our output uses: required members, types and ranges as
 * the 2.1.0 schema states them. Returns a list of problems (empty when valid).
 */
export function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const need = (cond: boolean, what: string): void => {
    if (!cond) problems.push(what);
  };
  const posInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  const message = (m: unknown, where: string): void => need(isObj(m) && (typeof m['text'] === 'string' || typeof m['id'] === 'string'), `${where}.message needs text or id`);
  const location = (loc: unknown, where: string): void => {
    need(isObj(loc), `${where} is an object`);
    if (!isObj(loc)) return;
    const phys = loc['physicalLocation'];
    if (phys === undefined) return;
    need(isObj(phys), `${where}.physicalLocation is an object`);
    if (!isObj(phys)) return;
    const art = phys['artifactLocation'];
    need(isObj(art) && typeof art['uri'] === 'string' && (art['uri'] as string).length > 0, `${where}.artifactLocation.uri`);
    const region = phys['region'];
    if (region !== undefined) {
      need(isObj(region), `${where}.region is an object`);
      if (!isObj(region)) return;
      need(posInt(region['startLine']), `${where}.region.startLine >= 1`);
      for (const k of ['startColumn', 'endLine', 'endColumn']) if (region[k] !== undefined) need(posInt(region[k]), `${where}.region.${k} >= 1`);
      if (region['endLine'] !== undefined) need((region['endLine'] as number) >= (region['startLine'] as number), `${where}.region endLine >= startLine`);
      if (region['endLine'] === region['startLine'] && region['endColumn'] !== undefined && region['startColumn'] !== undefined)
        need((region['endColumn'] as number) >= (region['startColumn'] as number), `${where}.region endColumn >= startColumn`);
    }
  };
  need(isObj(log), 'log is an object');
  if (!isObj(log)) return problems;
  need(log['version'] === '2.1.0', 'version is 2.1.0');
  need(typeof log['$schema'] === 'string' && /^https?:\/\//.test(log['$schema'] as string), '$schema is a URI');
  need(Array.isArray(log['runs']), 'runs is an array');
  for (const [ri, run] of ((log['runs'] as unknown[]) ?? []).entries()) {
    const where = `runs[${ri}]`;
    need(isObj(run), `${where} is an object`);
    if (!isObj(run)) continue;
    const tool = run['tool'];
    const driver = isObj(tool) ? tool['driver'] : undefined;
    need(isObj(driver) && typeof driver['name'] === 'string', `${where}.tool.driver.name`);
    const rules = isObj(driver) && Array.isArray(driver['rules']) ? (driver['rules'] as unknown[]) : [];
    const ids = new Set<string>();
    rules.forEach((r, i) => {
      need(isObj(r) && typeof r['id'] === 'string', `${where}.rules[${i}].id`);
      if (isObj(r)) {
        need(!ids.has(r['id'] as string), `${where}.rules[${i}] duplicate id`);
        ids.add(r['id'] as string);
        if (r['helpUri'] !== undefined) need(/^https?:\/\//.test(r['helpUri'] as string), `${where}.rules[${i}].helpUri is absolute`);
        const level = isObj(r['defaultConfiguration']) ? r['defaultConfiguration']['level'] : undefined;
        if (level !== undefined) need(['none', 'note', 'warning', 'error'].includes(level as string), `${where}.rules[${i}] level`);
        for (const k of ['shortDescription', 'fullDescription', 'help']) {
          const text = r[k];
          if (text !== undefined) need(isObj(text) && typeof text['text'] === 'string', `${where}.rules[${i}].${k}.text`);
        }
      }
    });
    need(run['columnKind'] === undefined || ['utf16CodeUnits', 'unicodeCodePoints'].includes(run['columnKind'] as string), `${where}.columnKind`);
    need(run['results'] === undefined || Array.isArray(run['results']), `${where}.results is an array`);
    for (const [i, res] of ((run['results'] as unknown[]) ?? []).entries()) {
      const rw = `${where}.results[${i}]`;
      need(isObj(res), `${rw} is an object`);
      if (!isObj(res)) continue;
      message(res['message'], rw);
      if (res['level'] !== undefined) need(['none', 'note', 'warning', 'error'].includes(res['level'] as string), `${rw}.level`);
      if (res['ruleIndex'] !== undefined) {
        const idx = res['ruleIndex'] as number;
        need(Number.isInteger(idx) && idx >= 0 && idx < rules.length, `${rw}.ruleIndex in range`);
        const rule = rules[idx];
        need(isObj(rule) && rule['id'] === res['ruleId'], `${rw}.ruleIndex names the same rule as ruleId`);
      }
      const locs = res['locations'];
      need(locs === undefined || Array.isArray(locs), `${rw}.locations is an array`);
      ((locs as unknown[]) ?? []).forEach((l, li) => location(l, `${rw}.locations[${li}]`));
      const fps = res['partialFingerprints'];
      if (fps !== undefined) need(isObj(fps) && Object.values(fps).every((v) => typeof v === 'string'), `${rw}.partialFingerprints are strings`);
    }
    for (const [ii, inv] of ((run['invocations'] as unknown[]) ?? []).entries()) {
      need(isObj(inv) && typeof inv['executionSuccessful'] === 'boolean', `${where}.invocations[${ii}].executionSuccessful`);
      if (isObj(inv))
        for (const [ni, n] of ((inv['toolExecutionNotifications'] as unknown[]) ?? []).entries()) {
          need(isObj(n), `notification ${ni}`);
          if (isObj(n)) {
            message(n['message'], `${where}.invocations[${ii}].toolExecutionNotifications[${ni}]`);
            ((n['locations'] as unknown[]) ?? []).forEach((l, li) => location(l, `notification ${ni} location ${li}`));
          }
        }
    }
  }
  return problems;
}
