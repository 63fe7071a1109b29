import { renderCard, type AdaptiveCardJson } from '../cards';
import type { Notice } from '../words';

export const noticeCard = (notice: Notice): AdaptiveCardJson => renderCard('notice', notice);
