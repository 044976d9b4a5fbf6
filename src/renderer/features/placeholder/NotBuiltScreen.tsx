import { ScreenHeader } from '../../components/ScreenHeader';

/** An honest stand-in for a screen that does not exist yet. */
export function NotBuiltScreen({ title, about }: { title: string; about: string }) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title={title} />
      <div className="notice" role="status">
        <p className="notice__title">Not built yet — coming in a later version.</p>
        <p className="muted">{about}</p>
      </div>
    </section>
  );
}
