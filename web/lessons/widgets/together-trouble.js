// Lesson 7's troubleshooting widget: a playground set up to show one training problem, with two
// buttons above it. "Reproduce the problem" puts back the problem's settings (every other
// setting at its default), builds fresh weights and plays; "Apply the fix" changes only the
// fix's settings, builds fresh weights (a diverged run or dead units do not come back by
// themselves) and plays.
//
//   { widget: 'nan', make: trouble({ problem: { dataset: 'plane', lr: 1 }, fix: { lr: 0.03 },
//                                    fixLabel: { en, ko }, hide: 'code' }) }
//
// Widget object: the playground widget's { root, element, setLang } plus reproduce() and
// applyFix() (Promises, resolved once the new network is built and playing), and `settled`, the
// promise of the last one (for tests that click the buttons).
import { fill, pick } from '../../lib/i18n.js';
import { h } from '../../lib/dom.js';
import { addStyle, wordsFor } from './common.js';
import { playground } from './playground.js';

const W = {
  reproduce: { en: 'Reproduce the problem', ko: '문제 재현하기' },
  fix: { en: 'Apply the fix', ko: '해결책 적용하기' },
  shown: { en: 'Showing: the problem', ko: '지금 보이는 것: 문제 상황' },
  fixed: { en: 'Showing: the fix ({what})', ko: '지금 보이는 것: 해결책 ({what})' },
};

addStyle('together-trouble', `
.together-trouble .lw-controls { margin: 0 0 .5rem; }
.together-trouble .which { margin: 0; }
`);

export function trouble({ problem, fix, fixLabel, hide = 'code' }) {
  return (ctx) => {
    const words = wordsFor(ctx.lang);
    const pg = playground({ ...problem, hide })(ctx);
    const { element } = pg;
    const which = h('p', { class: 'which lw-readout', role: 'status' });
    let showing = 'problem';
    const label = (lang) => (showing === 'problem' ? pick(W.shown, lang) : fill(pick(W.fixed, lang), { what: pick(fixLabel, lang) }));
    words.bind(which, label);
    const say = (what) => { showing = what; which.textContent = words.t(label); };

    let settled = Promise.resolve();
    const restart = (changes) => {
      settled = (async () => {
        element.state = changes;
        await element.reset();
        element.play();
      })();
      return settled;
    };
    const reproduce = () => {
      // a playground that has not been set up holds the defaults
      const { lang, ...defaults } = document.createElement('layerwise-playground').state;
      say('problem');
      return restart({ ...defaults, ...problem });
    };
    const applyFix = () => {
      say('fix');
      return restart(fix);
    };

    const button = (text, role, onclick, primary) => h('button', { type: 'button', class: `lw-button${primary ? ' primary' : ''}`, 'data-role': role, onclick },
      words.bind(h('span'), text));
    const root = h('div', { class: 'together-trouble' },
      h('div', { class: 'lw-controls' },
        button(W.reproduce, 'reproduce', () => reproduce()),
        button(W.fix, 'fix', () => applyFix(), true),
        which),
      pg.root);

    return {
      root,
      element,
      reproduce,
      applyFix,
      /** The last button's restart (resolves once the new network is built and playing). */
      get settled() { return settled; },
      setLang(lang) {
        pg.setLang(lang);
        words.setLang(lang);
      },
    };
  };
}
