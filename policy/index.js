// The policy pack is compiled with the rest of the project (`npm ci` builds dist/).
require('../dist/modules/policy/pack.js');
