import { describe, expect, it, vi } from 'vitest';
import { emptyHomeCounts, makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';
import { LOCALE_STORAGE_KEY, initialLocale } from '@/i18n';

describe('LanguageSwitch', () => {
  it('switches the whole app and remembers the choice', async () => {
    mockApi({ ...restoresSessionOf(makeUser()), ...emptyHomeCounts() });
    const { wrapper, i18n } = await renderAt('/', 'zh-CN');
    expect(wrapper.find('[data-testid=home-enterprise] h1').text()).toBe('企业工作台');
    // Only the language shown came with the first page.
    expect(i18n.global.availableLocales).toEqual(['zh-CN']);

    const english = wrapper
      .findAll('[data-testid=lang-switch] label')
      .find((option) => option.text() === 'English');
    await english!.find('input').setValue(true);
    await settle();

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid=home-enterprise] h1').text()).toBe('Enterprise workspace'),
    );
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the remembered language, else the browser language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(initialLocale()).toBe('en');

    localStorage.clear();
    const browserLanguage = navigator.language;
    Object.defineProperty(navigator, 'language', { value: 'zh-TW', configurable: true });
    expect(initialLocale()).toBe('zh-CN');
    Object.defineProperty(navigator, 'language', { value: 'de-DE', configurable: true });
    expect(initialLocale()).toBe('en');
    Object.defineProperty(navigator, 'language', { value: browserLanguage, configurable: true });
  });
});
