// Lesson 1: the input layer. (Draft used to bring up the lesson framework.)
import { playground, onEpoch } from '../widgets/playground.js';

export default {
  lead: {
    en: 'A network only ever sees numbers. This lesson turns pictures, text and tables into the vector $x$ that the first layer reads.',
    ko: '네트워크가 보는 것은 언제나 숫자뿐입니다. 이 레슨에서는 그림, 글, 표를 첫 번째 층이 읽는 벡터 $x$로 바꿉니다.',
  },
  sections: [
    {
      id: 'normalise',
      title: { en: 'Standardised inputs', ko: '표준화한 입력' },
      blocks: [
        { p: { en: 'Each feature becomes $z = (x - \\mu) / \\sigma$.', ko: '각 특성은 $z = (x - \\mu) / \\sigma$가 됩니다.' } },
        { math: String.raw`z_j = \frac{x_j - \mu_j}{\sigma_j}` },
        { code: { torch: 'x = (x - x.mean(0)) / x.std(0)', js: 'const stats = train.standardize();' } },
        { widget: 'circle', make: playground({ dataset: 'circle', layers: '4', hide: 'code,files,histograms,brand' }) },
        {
          task: 'train',
          text: { en: 'Train the network for 20 epochs.', ko: '네트워크를 20 에포크 학습시켜 보세요.' },
          success: { en: 'Trained.', ko: '학습했습니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('circle').element, (d) => { if (d.epoch >= 20) done(); }),
        },
      ],
    },
  ],
};
