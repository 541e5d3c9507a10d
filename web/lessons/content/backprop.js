// Lesson 6: backpropagation, worked by hand on a 2-2-1 network (being written; see issue 15).
export default {
  lead: {
    en: 'How a network finds out which weight to blame: the chain rule, one number at a time, on a network small enough to follow by hand.',
    ko: '네트워크가 어느 가중치에 책임을 물을지 알아내는 방법, 즉 연쇄 법칙을 손으로 따라갈 수 있을 만큼 작은 네트워크에서 숫자 하나씩 계산해 봅니다.',
  },
  sections: [],
};
