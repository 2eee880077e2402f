import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppI18n, initialLocale, loadMessages } from './i18n';
import { createAppRouter } from './router';
// ElMessage is called from code, so the component resolver cannot see it: load its styles here.
import 'element-plus/es/components/message/style/css';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
const locale = initialLocale();
const messages = loadMessages(locale);
// The router's first navigation (the page's chunk, the session) runs while the language's messages load.
app.use(createAppRouter());
void messages.then((loaded) => {
  app.use(createAppI18n(locale, { [locale]: loaded }));
  app.mount('#app');
});
