// The lessons, in the seed article's order, and the words of the pages around them.
// A lesson's content is web/lessons/content/<id>.js (see web/lessons/README.md).
import { translator } from '../lib/i18n.js';

export const LESSONS = Object.freeze([
  { id: 'input', title: { en: 'The input layer', ko: '입력층' } },
  { id: 'hidden', title: { en: 'Hidden layers', ko: '은닉층' } },
  { id: 'output', title: { en: 'The output layer', ko: '출력층' } },
  { id: 'init', title: { en: 'Weight initialisation', ko: '가중치 초기화' } },
  { id: 'loss', title: { en: 'Loss functions', ko: '손실 함수' } },
  { id: 'backprop', title: { en: 'Backpropagation by hand', ko: '역전파를 손으로 따라가기' } },
  { id: 'optim', title: { en: 'Optimisers', ko: '옵티마이저' } },
  { id: 'together', title: { en: 'Putting it together', ko: '전체 흐름과 문제 해결' } },
]);

export const lessonIndex = (id) => LESSONS.findIndex((l) => l.id === id);

/** The address of a lesson page (relative to web/lessons/). */
export const lessonHref = (id, lang, section) =>
  `lesson.html?id=${encodeURIComponent(id)}${lang ? `&lang=${lang}` : ''}${section ? `#${section}` : ''}`;

// The pages' own words; a lesson's text lives in its content file.
const PAGE_STRINGS = Object.freeze({
  en: {
    brand: 'Layerwise',
    lessons: 'Lessons',
    playground: 'Playground',
    sketch: 'Sketch pad',
    images: 'Real images',
    'index.title': 'Learn neural networks layer by layer',
    'index.lead': 'Seven short lessons, from the numbers that go into a network to the loop that trains it. Every claim comes with a live network to try it on, and every lesson ends in tasks that tell you when you have got it.',
    'index.continue': 'Continue: {title}',
    'index.start': 'Start with lesson 1',
    'index.progress': '{done} of {total} tasks done',
    'index.reset': 'Forget my progress',
    'index.resetDone': 'Progress forgotten.',
    'lesson.of': 'Lesson {n} of {total}',
    'lesson.prev': 'Previous: {title}',
    'lesson.next': 'Next: {title}',
    'lesson.index': 'All lessons',
    'lesson.contents': 'In this lesson',
    'lesson.unknown': 'There is no lesson "{id}".',
    'lesson.failed': 'This part of the lesson could not start: {message}',
    'task.label': 'Try this',
    'task.todo': 'Not done yet',
    'task.done': 'Done',
    'task.hint': 'Hint',
    'task.count': '{done} of {total} tasks done',
    'code.torch': 'PyTorch',
    'code.js': 'Layerwise (JavaScript)',
    'code.copy': 'Copy',
    'code.wrap': 'Wrap lines',
    'code.copied': 'Copied',
    'widget.open': 'Open this network in the playground',
    'embed.button': 'Embed',
    'embed.title': 'Put this part of the lesson in your page',
    'embed.iframe': 'As a frame (works in Moodle, Canvas and any page)',
    'embed.iframe.tip': 'The frame shows this part alone, as it is now, with its caption. The script after it makes the frame as tall as its content; where scripts are not allowed, the frame keeps the height written in it.',
    'embed.script': 'As an element (pages that allow scripts)',
    'embed.script.tip': 'Loads Layerwise from this site and puts the playground with these settings where you paste it.',
    'embed.noScript': 'This part has no element of its own: use the frame.',
    'embed.copy': 'Copy',
    'embed.copied': 'Copied to the clipboard.',
    'embed.copyFailed': 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    'embed.close': 'Close',
    'embed.unknown': 'There is no part "{widget}" in the lesson "{lesson}".',
    'lang.label': 'Language',
  },
  ko: {
    brand: 'Layerwise',
    lessons: '레슨',
    playground: '플레이그라운드',
    sketch: '그림 학습',
    images: '실제 이미지',
    'index.title': '신경망을 한 층씩 배우기',
    'index.lead': '네트워크에 들어가는 숫자부터 네트워크를 학습시키는 루프까지, 짧은 레슨 일곱 개입니다. 모든 설명 옆에서 살아 있는 네트워크로 직접 확인해 볼 수 있고, 각 레슨 끝의 과제는 제대로 해냈을 때 알려 줍니다.',
    'index.continue': '이어서 보기: {title}',
    'index.start': '레슨 1부터 시작',
    'index.progress': '과제 {total}개 중 {done}개 완료',
    'index.reset': '진행 기록 지우기',
    'index.resetDone': '진행 기록을 지웠습니다.',
    'lesson.of': '레슨 {n} / {total}',
    'lesson.prev': '이전: {title}',
    'lesson.next': '다음: {title}',
    'lesson.index': '전체 레슨',
    'lesson.contents': '이 레슨의 내용',
    'lesson.unknown': '"{id}"라는 레슨은 없습니다.',
    'lesson.failed': '레슨의 이 부분을 시작하지 못했습니다: {message}',
    'task.label': '직접 해 보기',
    'task.todo': '아직 안 함',
    'task.done': '완료',
    'task.hint': '힌트',
    'task.count': '과제 {total}개 중 {done}개 완료',
    'code.torch': 'PyTorch',
    'code.js': 'Layerwise (자바스크립트)',
    'code.copy': '복사',
    'code.wrap': '줄 바꿈',
    'code.copied': '복사됨',
    'widget.open': '이 네트워크를 플레이그라운드에서 열기',
    'embed.button': '페이지에 넣기',
    'embed.title': '레슨의 이 부분을 내 페이지에 넣기',
    'embed.iframe': '프레임으로 넣기 (Moodle, Canvas 등 어떤 페이지든)',
    'embed.iframe.tip': '프레임에는 이 부분만, 지금 모습 그대로 설명과 함께 나타납니다. 뒤의 스크립트는 프레임 높이를 내용에 맞춰 줍니다. 스크립트를 쓸 수 없는 곳에서는 프레임에 적힌 높이가 그대로 쓰입니다.',
    'embed.script': '요소로 넣기 (스크립트를 쓸 수 있는 페이지)',
    'embed.script.tip': '이 사이트에서 Layerwise를 불러와, 붙여 넣은 자리에 이 설정 그대로의 플레이그라운드를 놓습니다.',
    'embed.noScript': '이 부분은 따로 쓸 수 있는 요소가 없으니 프레임으로 넣어 주세요.',
    'embed.copy': '복사',
    'embed.copied': '클립보드에 복사했습니다.',
    'embed.copyFailed': '텍스트를 선택해 두었습니다. Ctrl+C(Mac에서는 ⌘C)를 눌러 복사해 주세요.',
    'embed.close': '닫기',
    'embed.unknown': '"{lesson}" 레슨에는 "{widget}"이라는 부분이 없습니다.',
    'lang.label': '언어',
  },
});

export const LANG_NAMES = Object.freeze({ en: 'English', ko: '한국어' });

const text = translator(PAGE_STRINGS);

/** A page string in lang with {name} placeholders filled; a key the pages lack is an error. */
export function pageText(lang, key, params) {
  if (!Object.hasOwn(PAGE_STRINGS.en, key)) throw new Error(`lessons: no page string "${key}"`);
  return text(lang, key, params);
}

