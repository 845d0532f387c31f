import * as assert from 'node:assert/strict';
import { activateExtension } from './helpers';

suite('a0 extension', () => {
  test('is installed and activates', async () => {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
  });
});
